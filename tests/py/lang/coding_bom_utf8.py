# -*- coding: utf-8 -*-
# a UTF-8 BOM and a cookie that agrees with it
print("café", "﻿" == "\ufeff")
