"""Knowledge base: gazetteer and actor dictionary, loaded once per process."""
