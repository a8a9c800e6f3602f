print(complex(1,float('-nan')), complex(float('nan'),float('inf')), -1j, complex(-0.0,-1), 2j, 1e16j, (1+2j)/(3-4j), (1+2j)**2, (1+2j)**0.5, (-8)**0.5, (-8.0)**(1/3), 2**(1j), hash(1+2j), hash(3j), hash(complex(1.5,-2.5)))
try: (1+2j)//2
except TypeError as e: print(e)
try: (1+2j)%2
except TypeError as e: print(e)
try: divmod(1j,2)
except TypeError as e: print(e)
try: 1j<2j
except TypeError as e: print(e)
try: (1+2j)/0
except ZeroDivisionError as e: print(e)
try: 0j**-1
except ZeroDivisionError as e: print(e)
try: int(1j)
except TypeError as e: print(e)
try: float(1j)
except TypeError as e: print(e)
print(format(1+2j), format(1+2j,'.2f'), format(1.5j,'>20'), format(1+2j, 'g'), format(complex(1,2.5),'10.3e'), f'{3j:+}')
print(complex('1+2j'), complex(' (1-2.5e3J) '), complex('-j'), complex('inf'), complex('nanj'), complex(1j, 1j), complex(), complex(2))
print(pow(1j, 2), 1j**1j, abs(3+4j), (3+4j).conjugate(), (3+4j).real, (3+4j).imag, 1j == 1j, 1+0j == 1, (1+0j) == 1.0, bool(0j), bool(1j))
print(format(1+2j, '.3'), format(1.5+2j,'10'), format(-1.5-2j,'<12.1f'), format(1e20+1j, 'e'), format(1+2j, '^15'), format(3j, ''), format(-0.0+3j, 'g'))
for s in ['1_0+2_0j', 'j', '+j', '1+j', '1-j', '  2.5  ', '(3)', '1e5J', 'infj', '-infinity+nanj', '1+2', 'x', '1+2jj', '(1+2j', '', '1__0']:
    try: print(repr(s), complex(s))
    except ValueError as e: print(repr(s), e)
for a in [(None,), ('1', 2), (1, '2'), (b'1',), ([],), (1, None)]:
    try: print(complex(*a))
    except TypeError as e: print(e)
print(complex(real=1, imag=2), complex(imag=3), hash(complex(2)) == hash(2), hash(1.5+0j) == hash(1.5), {1+0j: 'a'}[1])
print([x**2 for x in [1j, 2+0j, -1j]], sum([1j, 2, 3.5]), 1j*1j, 3 - 1j, 2.5 / 1j, 1 / (1+1j))
class C(complex): pass
c = C(1, 2); print(c, type(c).__name__, c + 1, type(c + 1).__name__, isinstance(c, complex))
class D:
    def __complex__(self): return 5+5j
print(complex(D()), complex(1.5, 2.5), complex(True, False), (1e308+1e308j)*10 if False else 'skip')
try: abs(complex(1e308, 1e308))
except OverflowError as e: print(e)
try: (1e200+1e200j) ** 50.5
except OverflowError as e: print(e)
try: pow(1j, 2, 3)
except ValueError as e: print(e)
print(repr(complex(1e-7, -1e22)), complex(0.1, 0.2) + complex(0.2, 0.1), 1j.real, 1j.imag, type(1j.real))
print((1+2j).__getnewargs__(), 0j == 0, 1j != 1j, 1j == 'a', [1j] == [1j])
