name = "x"
a = f"hello {name}!"
b = f"{name!r} {name!s} {name!a}"
c = f"{x:>10} {x:{w}.{p}} {x:{w}}"
d = f"{{literal}} {x}"
e = f"{x=}" f"{x = }" f"{x=!s}" f"{x=:>4}"
f_ = f"a" "b" f"{c}" 'd'
g = f"{'nested'} {"x" if y else 'z'}"
h = f"{a['k']} {b[0]:02d} {c.d:.2f}"
i = rf"raw\n{x}" fr'{y}\t' F"{z}" RF'{w}'
j = f""
k = f"{x}{y}"
l = f"{3.14:.{prec}f}"
m = f"{ {'a': 1}['a'] }"
n = f"{x:}" f"{x!r:}"
o = f"{a < b} {a > b} {a != b} {a == b} {a <= b}"
p = f"""multi
{line}
text"""
q = f"{lambda_x}" f"{[i for i in range(3)]}"
r = f"\N{EM DASH} {x}"
s = f"{x!r:^{width}}"
