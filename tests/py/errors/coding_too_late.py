# a cookie after the second line is no cookie

# coding: latin-1
print("é")
