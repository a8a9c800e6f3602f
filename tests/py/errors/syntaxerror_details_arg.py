# SyntaxError(msg, details): details any iterable of 4 or 6 items, checked with
# CPython's messages; other argument counts leave the attributes None.
for a in [('f',1,2), ('f',1,2,4,5,6,7), ('f',1,2,'t',1), 5, ('f',1,2,'t'), ['f',1,2,'t',3,4], iter(('g', 2, 3, 'u'))]:
    try:
        e = SyntaxError('m', a)
        print('ok', e.args[0], e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.msg)
    except TypeError as x:
        print(x)
e = SyntaxError('a', 'b', 'c'); print(e.args, e.msg, e.filename, e.lineno)
e = SyntaxError('a'); print(e.args, e.msg, e.filename)
e = SyntaxError(); print(e.args, e.msg)
print(str(SyntaxError('bad', ('x.py', 3, 1, 'zz'))))
