# positional sub-patterns come first
class P:
    x = 1
match P():
    case P(x=1, 2, 3):
        pass
