"""collections.abc: the container ABCs (they live in _collections_abc)."""
from _collections_abc import *
from _collections_abc import __all__
