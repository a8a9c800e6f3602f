# coding: ascii
print(1)
print(2)
x = "é"
