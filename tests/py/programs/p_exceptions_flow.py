class AppError(Exception):
    """Base for application errors."""

class ConfigError(AppError):
    def __init__(self, key, msg="missing"):
        super().__init__(f"config key {key!r}: {msg}")
        self.key = key

class NetworkError(AppError):
    pass

class TransientError(NetworkError):
    pass

attempts = {"n": 0}

def flaky(fail_times):
    attempts["n"] += 1
    if attempts["n"] <= fail_times:
        raise TransientError(f"attempt {attempts['n']} failed")
    return f"success after {attempts['n']} attempts"

def retry(fn, tries, *args):
    last = None
    for i in range(tries):
        try:
            return fn(*args)
        except TransientError as e:
            print(f"  retry {i + 1}: {e}")
            last = e
    raise NetworkError(f"gave up after {tries} tries") from last

print(retry(flaky, 5, 2))
attempts["n"] = 0
try:
    retry(flaky, 2, 10)
except NetworkError as e:
    print("caught:", e, "| cause:", repr(e.__cause__), "| type:", type(e).__name__)

def load(cfg, key):
    try:
        return cfg[key]
    except KeyError:
        raise ConfigError(key)

try:
    load({"a": 1}, "b")
except AppError as e:
    print(e, e.key, type(e.__context__).__name__, e.__suppress_context__)

def cleanup_demo(x):
    log = []
    try:
        log.append("try")
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            return log + ["returned"]
        log.append("body done")
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
        print(" ", log)
    return log

cleanup_demo(0); cleanup_demo(1); cleanup_demo(2)

def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("  logging and re-raising")
        raise

try:
    reraiser()
except ArithmeticError as e:
    print("outer got", type(e).__name__, e)

for exc in (ValueError("v"), KeyError("k"), IndexError(3), TypeError(), RuntimeError("a", 2)):
    try:
        raise exc
    except (ValueError, KeyError) as e:
        print("value/key:", repr(e), str(e))
    except LookupError as e:
        print("lookup:", repr(e), e.args)
    except Exception as e:
        print("other:", repr(e), str(e) == "", e.args)

def convert(values):
    out, errors = [], []
    for v in values:
        try:
            out.append(int(v))
        except (ValueError, TypeError) as e:
            errors.append(f"{v!r}: {e}")
    return out, errors

ok, bad = convert(["1", "x", None, "3.5", " 42 ", "0x1f", [1]])
print(ok)
for b in bad:
    print("  ", b)
try:
    try:
        raise KeyError("inner")
    finally:
        print("  inner finally runs")
except KeyError as e:
    print("KeyError str:", str(e), "repr:", repr(e))
e = ConfigError("db", "bad url")
print(e.args, isinstance(e, AppError), issubclass(TransientError, AppError), ConfigError.__mro__[2].__name__)
print(AppError.__doc__)
try:
    raise AppError
except AppError as err:
    print(repr(err), err.args)
print(err if "err" in dir() else "err was deleted")
