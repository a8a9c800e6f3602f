# a capture pattern before another case is an error
def f(x):
    match x:
        case [a, b]:
            return 2
        case other:
            return 1
        case 3:
            return 3
