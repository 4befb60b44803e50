"""Extraction stages: each `run(doc)` adds one layer to the Document.

The package is also the library's front door, `rasd.extract(article)`: once a stage module is imported, Python
binds the name `rasd.extract` to this package, shadowing the function in `rasd/__init__.py`; making the package
callable keeps `rasd.extract(...)` working whichever was imported first.
"""
import sys
import types


class _CallablePackage(types.ModuleType):
    def __call__(self, *args, **kwargs):
        from rasd import extract_article
        return extract_article(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
