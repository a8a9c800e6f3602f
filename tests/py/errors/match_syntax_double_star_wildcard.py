# **_ is not allowed in a mapping pattern
match {}:
    case {"a": 1, **_}:
        pass
