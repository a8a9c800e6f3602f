# _sre.compile checks the code it is given: bad code is an error, never a crash.
import _sre, re
from re import _compiler
cases = [[99, 1], [17, 5, 1], [17], [13, 100, 1], [24, 5, 0, 1, 16, 97, 1], [23, 3, 0, 1, 1],
         [18, 1], [15, 1000, 1], [11, 3, 1], [7, 4, 16, 97, 15, 99, 0, 1], [4, 3, 0, 0, 1],
         [6, 99, 1], [8, 77, 1], [13, 4, 9, 1, 0, 1], [10 ** 10], [-1], [14, 2, 0, 1]]
for code in cases:
    try:
        p = _sre.compile('a', 0, code, 0, {}, (None,))
        print('accepted', code[:6], p.match('a'), p.search('ba'))
    except (RuntimeError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
for pat in [r'(a)(?(1)b|c)', r'(?:a|b|c)+?', r'(?>x+)y', r'a{2,5}+', r'(?<=ab)c', r'(?i)[^a-zé]',
            r'[\u0100-\uffff]', r'(?:(a)|b)*\1', r'x*+y', r'(?s).{3,}?z', r'\bfoo\B']:
    c = _compiler._code(re._parser.parse(pat), 0)
    print(pat, _sre.compile(pat, 0, c, re.compile(pat).groups, {}, (None,) * 9).pattern)
