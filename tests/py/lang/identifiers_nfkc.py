# Non-ASCII identifiers are NFKC-normalized by the parser (PEP 3131), in every
# place a name appears; strings given to getattr() are not.
class T:
    µ = 1                      # MICRO SIGN -> GREEK SMALL LETTER MU
    𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 2
print(T.μ, T.Unicode, 'µ' in T.__dict__, 'μ' in T.__dict__, hasattr(T, 'µ'))
ﬁ = 3                          # LATIN SMALL LIGATURE FI -> fi
print(fi, 'fi' in globals(), 'ﬁ' in globals())
def f(ｘ, *, ｙ=2):           # fullwidth letters
    return x + y
print(f(1, y=5), f.__code__.co_varnames)
import math as ｍ
print(m.pi > 3)
ℌ = 'h'
print(H, [k for k in ('H', 'ℌ') if k in globals()])
print(eval('ⅸ if False else 9', {'ix': 1}))
