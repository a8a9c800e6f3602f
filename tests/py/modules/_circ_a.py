import _circ_b
A = 'a'
def use():
    return _circ_b.B
