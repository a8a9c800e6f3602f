# Numeric dunders called directly and pow() with a modulus (found by tools/difffuzz.py):
# int's own methods answer NotImplemented for non-ints (so (10).__eq__(10.0) is
# NotImplemented), and three-argument pow asks the other operands' types as
# CPython's ternary_op: float refuses a modulus, complex says "complex modulo".
class I(int): pass
class F(float): pass
vals = ['10', 'True', '2.5', '(1+2j)', '2**70', 'I(3)', 'F(1.5)', "'s'", 'None', '[1]']
small = ['10', 'True', '2.5', '(1+2j)', '-3', 'I(3)', 'F(1.5)', "'s'", 'None', '[1]']
dunders = ['__eq__', '__ne__', '__lt__', '__ge__', '__add__', '__radd__', '__sub__', '__rsub__', '__mul__', '__rmul__',
           '__truediv__', '__rtruediv__', '__floordiv__', '__rfloordiv__', '__mod__', '__rmod__', '__divmod__', '__rdivmod__',
           '__pow__', '__rpow__', '__and__', '__rand__', '__or__', '__xor__', '__lshift__', '__rlshift__', '__rshift__']
for a in vals[:7]:
    for d in dunders:
        if a == '2**70' and d in ('__pow__', '__rpow__', '__lshift__', '__rlshift__'): continue
        for b in (small if d in ('__pow__', '__rpow__', '__lshift__', '__rlshift__') else vals):
            try:
                r = eval(f'({a}).{d}({b})')
                print(a, d, b, '=', repr(r))
            except Exception as e:
                print(a, d, b, '!', type(e).__name__, e)
for a in ['2', '2.5', '(1+2j)', 'True']:
    for b in ['3', '0.5', "'x'", 'None']:
        for m in ['7', '0', '2.5', 'None', "'m'"]:
            try:
                print(a, b, m, '=', repr(eval(f'({a}).__pow__({b}, {m})')))
            except Exception as e:
                print(a, b, m, '!', type(e).__name__, e)
            try:
                print('pow', a, b, m, '=', repr(eval(f'pow({a}, {b}, {m})')))
            except Exception as e:
                print('pow', a, b, m, '!', type(e).__name__, e)
