
   	# coding=latin1
print("été")
