[keyword]harmless=eval(true)
[when]a cause=Cause($a : actor)
[then]conclude an effect=insertLogical(new Effect($a));
