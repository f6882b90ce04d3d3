// The single source of MapLang's syntax (tokens in MapLangLexer.g4). Regenerate the parser with `npm run generate` in this
// folder (antlr-ng, pinned in package.json); CI fails when the committed parser differs.
parser grammar MapLang;

options { tokenVocab = MapLangLexer; }

// ---------------------------------------------------------------- declarations

compilationUnit
    : declaration* EOF
    ;

declaration
    : useDeclaration
    | importDeclaration
    | constDeclaration
    | tableDeclaration
    | mapDeclaration
    | flowDeclaration
    ;

useDeclaration
    : USE name=identifier
    ;

importDeclaration
    : IMPORT path=stringLiteral
    ;

constDeclaration
    : CONST name=identifier (COLON type=typeReference)? ASSIGN value=expression
    ;

tableDeclaration
    : TABLE name=identifier COLON keyType=typeReference ARROW valueType=typeReference tableSource? LBRACE tableEntry* RBRACE
    ;

tableSource
    : FROM path=stringLiteral (COLUMNS keyColumn=stringLiteral COMMA valueColumn=stringLiteral)?
    ;

tableEntry
    : DEFAULT FATARROW value=expression                         # tableDefault
    | key=expression FATARROW value=expression                  # tableRow
    ;

mapDeclaration
    : MAP (name=identifier COLON)? source=qualifiedName ARROW target=qualifiedName LBRACE mapMember* RBRACE
    ;

mapMember
    : LET name=identifier ASSIGN value=expression               # letMember
    | REQUIRE LPAREN condition=expression COMMA message=expression RPAREN # requireMember
    | field=identifier ASSIGN value=expression                  # assignmentMember
    ;

// ---------------------------------------------------------------- flows

flowDeclaration
    : FLOW name=identifier LBRACE flowMember* RBRACE
    ;

flowMember
    : ON flowTrigger                                                        # triggerMember
    | KEY path=qualifiedName                                                # keyMember
    | LOOKUP field=qualifiedName FROM connection=identifier operation=stringLiteral fieldBlock? # lookupMember
    | flowStep                                                              # stepMember
    ;

flowTrigger
    : WEBHOOK connection=identifier event=stringLiteral (AS entity=qualifiedName)?                         # webhookTrigger
    | SCHEDULE connection=identifier operation=stringLiteral EVERY seconds=NUMBER (AS entity=qualifiedName)? fieldBlock? # scheduleTrigger
    | ION noun=stringLiteral (AS entity=qualifiedName)?                                                    # ionTrigger
    ;

flowStep
    : FETCH output=identifier FROM connection=identifier operation=stringLiteral BY id=qualifiedName (AS entity=qualifiedName)? # fetchStep
    | MAP output=identifier ASSIGN mapper=identifier LPAREN input=qualifiedName RPAREN                   # mapStep
    | CALL connection=identifier operation=stringLiteral WITH input=qualifiedName (INTO output=identifier)? # callStep
    | FOR EACH item=identifier IN items=qualifiedName stepBlock                                         # forEachStep
    | IF path=qualifiedName (EQ value=stringLiteral)? then=stepBlock (ELSE otherwise=stepBlock)?        # ifStep
    | REPLY connection=identifier operation=stringLiteral TO id=qualifiedName (fieldBlock | WITH input=qualifiedName) # replyStep
    ;

stepBlock
    : LBRACE flowStep* RBRACE
    ;

fieldBlock
    : LBRACE fieldValue* RBRACE
    ;

fieldValue
    : name=identifier ASSIGN value=stringLiteral
    ;

qualifiedName
    : identifier (DOT identifier)*
    ;

typeReference
    : LIST LT element=typeReference GT QUESTION?                            # listType
    | name=identifier (LPAREN NUMBER (COMMA NUMBER)? RPAREN)? QUESTION?     # namedType
    ;

// ---------------------------------------------------------------- expressions

expression
    : primary                                                   # primaryExpression
    | target=expression QUESTION_DOT member=identifier          # nullSafeMemberExpression
    | target=expression DOT member=identifier                   # memberExpression
    | target=expression LBRACKET index=expression RBRACKET      # indexExpression
    | callee=expression LPAREN argumentList? RPAREN             # callExpression
    | op=MINUS operand=expression                               # negateExpression
    | left=expression op=(STAR | SLASH | PERCENT) right=expression   # binaryExpression
    | left=expression op=(PLUS | MINUS) right=expression        # binaryExpression
    | left=expression op=(LT | LE | GT | GE) right=expression   # binaryExpression
    | left=expression op=(EQ | NEQ) right=expression            # binaryExpression
    | op=NOT operand=expression                                 # notExpression
    | left=expression op=AND right=expression                   # binaryExpression
    | left=expression op=OR right=expression                    # binaryExpression
    | <assoc=right> left=expression op=QUESTION_QUESTION right=expression # binaryExpression
    ;

primary
    : LPAREN expression RPAREN                                  # parenthesized
    | IF condition=expression THEN whenTrue=expression ELSE whenFalse=expression # conditional
    | MATCH subject=expression LBRACE matchArm* RBRACE         # match
    | LBRACKET (expression (COMMA expression)* COMMA?)? RBRACKET # listLiteral
    | stringLiteral                                             # string
    | NUMBER                                                    # number
    | DATE_LITERAL                                              # date
    | (TRUE | FALSE)                                            # boolean
    | NULL                                                      # null
    | identifier                                                # name
    ;

matchArm
    : CASE expression (COMMA expression)* FATARROW value=expression   # caseArm
    | ELSE FATARROW value=expression                                  # elseArm
    ;

argumentList
    : argument (COMMA argument)*
    ;

argument
    : parameter=identifier FATARROW body=expression             # lambdaArgument
    | expression                                                # valueArgument
    ;

stringLiteral
    : STRING_START stringPart* STRING_END
    ;

stringPart
    : STRING_TEXT                                               # stringText
    | STRING_ESCAPE                                             # stringEscape
    | INTERPOLATION_START expression RBRACE                     # stringInterpolation
    ;

// Keywords that are only keywords where a declaration starts may still name fields and functions.
identifier
    : IDENTIFIER | MAP | USE | IMPORT | FROM | COLUMNS | TABLE | CONST | DEFAULT | LIST
    | FLOW | ON | WEBHOOK | SCHEDULE | ION | EVERY | AS | KEY | LOOKUP | FETCH | BY | CALL | WITH | INTO | FOR | EACH | IN | REPLY | TO
    ;
