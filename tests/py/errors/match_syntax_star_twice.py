# one starred name per sequence pattern
match [1, 2, 3]:
    case [*a, 2, *_]:
        pass
