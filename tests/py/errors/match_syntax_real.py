# the real part of a complex literal cannot be imaginary
match 2:
    case 1j - 2j:
        pass
