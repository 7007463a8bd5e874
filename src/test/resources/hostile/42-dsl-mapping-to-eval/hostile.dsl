[when]a cause=Cause($a : actor)
[when]all is well=eval(org.policyadvisor.Canary.touch("42"))
[then]conclude an effect=insertLogical(new Effect($a));
