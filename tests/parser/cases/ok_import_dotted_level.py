from .a.b import c
from ..a import (b)
import a.b.c as d
