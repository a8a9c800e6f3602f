# complex(real, imag) keeps the sign of a zero part (found by tools/difffuzz.py):
# CPython adds only what a complex argument brings, so complex(3, -0.0) is (3-0j).
class Cx:
    def __complex__(self): return complex(1, -0.0)
class Fl:
    def __float__(self): return -0.0
cases = [(3, -0.0), (-0.0, -0.0), (0.0, -0.0), (-3, -0.0), (1j, -0.0), (complex(0, -0.0), 0),
         (complex(-0.0, -0.0), -0.0), (2, 1j), (1j, 2j), (1j, -1j), (-0.0, 1j), (Cx(), -0.0),
         (Cx(), 1j), (-0.0, Fl()), (Fl(), Fl()), (True, -0.0)]
for r, i in cases:
    z = complex(r, i)
    print(repr(z), z.real, z.imag)
for r in [-0.0, complex(0, -0.0), complex(-0.0, -0.0), Cx(), Fl(), '-0.0-0j', '-0j']:
    z = complex(r)
    print(repr(z), z.real, z.imag)
print(complex(3, -0.0) * 1, -complex(3, 0.0), complex(-3, -0.0) * 1.0, complex(1, -0.0) + 0)
print(complex(imag=-0.0), complex(real=-0.0), complex(-0.0, imag=-0.0))
