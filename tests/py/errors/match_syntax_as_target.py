# `as` takes a name
match 1:
    case 1 as (a, b):
        pass
