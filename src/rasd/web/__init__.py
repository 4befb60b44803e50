"""Static web page served by the API."""
