"""Two proto packages: imports between generated packages, every `__init__` level, cross-package checks."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from pyqwest import SyncClient
from pyqwest.testing import WSGITransport

from .support import build_shop, mypy, ruff


@pytest.fixture(scope="module")
def shop_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("shop") / "out"
    root.mkdir()
    build_shop(root)
    sys.path.insert(0, str(root))
    try:
        yield root
    finally:
        sys.path.remove(str(root))


def test_every_package_level_gets_an_init(shop_root: Path) -> None:
    inits = sorted(path.relative_to(shop_root).as_posix() for path in shop_root.rglob("__init__.py"))
    assert inits == [
        "acme_shop/__init__.py",
        "acme_shop/common/__init__.py",
        "acme_shop/common/v1/__init__.py",
        "acme_shop/shop/__init__.py",
        "acme_shop/shop/v1/__init__.py",
    ]
    assert not (shop_root / "acme_shop/common/v1/common_connect.py").exists()
    connect = (shop_root / "acme_shop/shop/v1/shop_connect.py").read_text(encoding="utf-8")
    assert "from ...common.v1.common_pb2 import Money\n" in connect


def test_shop_passes_ruff_and_mypy(shop_root: Path) -> None:
    checked = ruff(shop_root, "acme_shop")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    pb2 = ("acme_shop.common.v1.common_pb2", "acme_shop.shop.v1.shop_pb2")
    checked = mypy(shop_root, "acme_shop", ignore=pb2)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_required_fields_are_checked_across_packages(shop_root: Path) -> None:
    root: ModuleType = importlib.import_module("acme_shop")
    common, shop = root.common.v1, root.shop.v1

    class Shop:
        def buy(self, request: object, ctx: object, /) -> object:
            return common.Money(currency="EUR", units=3)

    http = SyncClient(WSGITransport(shop.ShopServiceWSGIApplication(Shop())))
    # The document names no server, so the base URL is required.
    with shop.ShopServiceClientSync("http://shop.test", http_client=http) as client:
        bought = client.buy(shop.BuyRequest(price=common.Money(currency="EUR", units=3)))
        assert (bought.currency, bought.units) == ("EUR", 3)
        with pytest.raises(ConnectError) as raised:
            client.buy(shop.BuyRequest())
        assert (raised.value.code, raised.value.message) == (Code.INVALID_ARGUMENT, "price is required")
        with pytest.raises(ConnectError, match=r"^invalid_argument: price\.currency is required$"):
            client.buy(shop.BuyRequest(price=common.Money(units=1)))
    with pytest.raises(TypeError):
        shop.ShopServiceClientSync()
