if (n := len(a)) > 10: pass
while chunk := f.read(): pass
[y for x in z if (y := x)]
print(a := 1)
x[a := 1]
