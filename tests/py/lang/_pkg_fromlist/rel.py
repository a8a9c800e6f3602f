from . import broken
