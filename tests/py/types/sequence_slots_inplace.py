# In-place + and * with sequences, subclasses and reflected methods (found by
# tools/difffuzz.py): list += x asks x.__radd__ first, a list subclass's
# inherited __iadd__ comes first, *= does not look at the right operand's
# repeat when the left one is a sequence-like object.
class R:
    def __radd__(self, o): return 'R.radd'
    def __rmul__(self, o): return 'R.rmul'
    def __repr__(self): return 'R()'
class RI:
    def __radd__(self, o): return NotImplemented
    def __rmul__(self, o): return NotImplemented
    def __index__(self): return 2
    def __iter__(self): return iter([7])
    def __repr__(self): return 'RI()'
class LA(list):
    def __add__(self, o): return 'LA.add'
class LI(list):
    def __iadd__(self, o): return 'LI.iadd'
class LM(list):
    def __rmul__(self, o): return NotImplemented
class P: pass
starts = ["[1]", "bytearray(b'a')", "'s'", "(1,)", "b'b'", "LA([1])", "LI([1])", "LM([1])", "P()", "{1: 2}", "5", "{1}"]
others = ["R()", "RI()", "[2]", "(3,)", "'x'", "2", "2.5", "None", "b'y'", "bytearray(b'z')", "LM([4])", "{5}"]
for s in starts:
    for o in others:
        for op in ['+=', '*=', '+', '*']:
            code = f'x = {s}\nx {op} {o}\nr = x' if '=' in op else f'r = {s} {op} {o}'
            ns = {'R': R, 'RI': RI, 'LA': LA, 'LI': LI, 'LM': LM, 'P': P}
            try:
                exec(code, ns)
                r = ns['r']
                print(s, op, o, '=', repr(r) if not isinstance(r, P) else 'P')
            except Exception as e:
                print(s, op, o, '!', type(e).__name__, e)
