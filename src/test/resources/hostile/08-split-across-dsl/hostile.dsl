[when]a cause=Cause($a : actor)
[then]conclude an effect=insertLogical(new Effect($a));
[then]and report {x}={x}.exit(8);
