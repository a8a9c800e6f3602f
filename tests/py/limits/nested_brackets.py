# deeply nested brackets never crash the parser
for depth in (10, 50, 90):
    src = '(' * depth + '1' + ')' * depth
    print(depth, eval(src))
for depth in (1000, 10000):
    for opener, closer in (('(', ')'), ('[', ']'), ('{', '}')):
        try:
            eval(opener * depth + closer * depth)
            print(depth, opener, 'ok')
        except (SyntaxError, RecursionError, MemoryError) as e:
            print(depth, opener, type(e).__name__)
print(eval('-' * 50 + '1'))
print(eval('[' * 30 + ']' * 30))
