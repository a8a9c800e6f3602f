VALUE = 'found through the path variable'
