# coding: nosuch
print("never")
