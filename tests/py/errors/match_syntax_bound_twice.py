# a name may be captured once per pattern
match [1, 2]:
    case [x, *x]:
        pass
