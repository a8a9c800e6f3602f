# literal keys of a mapping pattern are distinct (1 == 1.0 == True)
match {}:
    case {1: a, True: b}:
        pass
