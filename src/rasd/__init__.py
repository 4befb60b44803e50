"""rasd (رصد): Arabic-first extraction of geocoded, sourced political and conflict events."""
__version__ = "0.1.0"
