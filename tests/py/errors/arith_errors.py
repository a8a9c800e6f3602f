# ZeroDivisionError, OverflowError
cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0, lambda: 1.0 % 0, lambda: divmod(1, 0),
         lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: 2 ** 100 / 0, lambda: 2.0 ** 5000, lambda: float(2 ** 2000),
         lambda: int(float('inf')), lambda: 10 ** 400 / 1, lambda: round(float('inf')), lambda: (2 ** 100) / (2 ** -1 if False else 0)]
for c in cases:
    try:
        c()
    except ArithmeticError as e:
        print(type(e).__name__, e)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
