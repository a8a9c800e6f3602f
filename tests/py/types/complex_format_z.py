# The 'z' (negative zero) option in complex format specs, for both parts and
# the repr-like form with no type (found by tools/difffuzz.py).
for z in [complex(3, -0.0), complex(-0.0, -0.0), complex(-1e-9, -1e-9), complex(0, -0.0), -0j, complex(-0.0, 0), complex(-1e-9, 2), complex(0.0, -1e-9)]:
    print([format(z, s) for s in ['z', 'z.2f', 'z.0e', 'zE', 'z18E', '+z', 'z.3g', 'z.1', 'z#', ' z.1f', 'z.0%'] if not s.endswith('%')])
