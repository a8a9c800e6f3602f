# every alternative binds the same names
match {"a": 1}:
    case {"a": a} | {"b": b}:
        pass
