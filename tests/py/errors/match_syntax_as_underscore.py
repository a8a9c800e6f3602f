# `as _` is not a capture
match 1:
    case 1 as _:
        pass
