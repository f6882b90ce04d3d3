// MapLang's tokens. Interpolated strings need lexer modes, which is why the lexer is a grammar of its own.
lexer grammar MapLangLexer;

USE         : 'use';
IMPORT      : 'import';
CONST       : 'const';
TABLE       : 'table';
FROM        : 'from';
COLUMNS     : 'columns';
DEFAULT     : 'default';
MAP         : 'map';
LET         : 'let';
REQUIRE     : 'require';
IF          : 'if';
THEN        : 'then';
ELSE        : 'else';
MATCH       : 'match';
CASE        : 'case';
AND         : 'and';
OR          : 'or';
NOT         : 'not';
TRUE        : 'true';
FALSE       : 'false';
NULL        : 'null';
// Flow keywords: soft (they stay usable as field and function names, see `identifier` in MapLang.g4).
FLOW        : 'flow';
ON          : 'on';
WEBHOOK     : 'webhook';
SCHEDULE    : 'schedule';
ION         : 'ion';
EVERY       : 'every';
AS          : 'as';
KEY         : 'key';
LOOKUP      : 'lookup';
FETCH       : 'fetch';
BY          : 'by';
CALL        : 'call';
WITH        : 'with';
INTO        : 'into';
FOR         : 'for';
EACH        : 'each';
IN          : 'in';
REPLY       : 'reply';
TO          : 'to';
LIST        : 'list';

ARROW             : '->';
FATARROW          : '=>';
QUESTION_QUESTION : '??';
QUESTION_DOT      : '?.';
QUESTION          : '?';
EQ                : '==';
NEQ               : '!=';
LE                : '<=';
GE                : '>=';
LT                : '<';
GT                : '>';
ASSIGN            : '=';
PLUS              : '+';
MINUS             : '-';
STAR              : '*';
SLASH             : '/';
PERCENT           : '%';
DOT               : '.';
COMMA             : ',';
COLON             : ':';
LPAREN            : '(';
RPAREN            : ')';
LBRACKET          : '[';
RBRACKET          : ']';
// Braces nest through the mode stack so that `}` ends an interpolation hole only at its own depth.
LBRACE            : '{' -> pushMode(DEFAULT_MODE);
RBRACE            : '}' -> popMode;

DATE_LITERAL : '@' DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT
               ('T' DIGIT DIGIT ':' DIGIT DIGIT (':' DIGIT DIGIT ('.' DIGIT+)?)? ('Z' | [+-] DIGIT DIGIT ':' DIGIT DIGIT)?)?;
NUMBER       : DIGIT+ ('.' DIGIT+)?;
IDENTIFIER   : [a-zA-Z_] [a-zA-Z_0-9]*;
STRING_START : '"' -> pushMode(STRING_MODE);

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN);
WHITESPACE    : [ \t\r\n\f]+ -> channel(HIDDEN);
UNEXPECTED_CHARACTER : .;

fragment DIGIT : [0-9];

mode STRING_MODE;
STRING_END          : '"' -> popMode;
STRING_TEXT         : ~["\\{\r\n]+;
STRING_ESCAPE       : '\\' ~[\r\n];
INTERPOLATION_START : '{' -> pushMode(DEFAULT_MODE);
// A line break ends an unterminated string so that one missing quote does not swallow the file.
UNTERMINATED_STRING : [\r\n] -> popMode;
