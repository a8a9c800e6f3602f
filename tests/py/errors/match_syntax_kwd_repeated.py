# a keyword sub-pattern names an attribute once
class P:
    x = 1
match P():
    case P(x=1, y=2, x=3):
        pass
