import warnings

import pytest

from rasd_testkit.api import fill_sample_store

with warnings.catch_warnings():   # starlette's notice about httpx inside its TestClient
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def db_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'api.db'}"
    fill_sample_store(url).close()
    return url


@pytest.fixture
def client(db_url):
    from rasd.api.app import create_app
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as c:
        yield c
