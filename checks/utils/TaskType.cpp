//===- TaskType.cpp - which classes are lazy, awaitable coroutine tasks ---===//
#include "utils/TaskType.h"
#include "utils/TemplateOf.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::helpers {

bool TaskTypes::isLazyAwaitableTask(const CXXRecordDecl &Class,
                                    ASTContext &Context) {
  setContext(Context);
  auto [It, Inserted] = Cache.try_emplace(Class.getCanonicalDecl(), false);
  if (Inserted) {
    const CXXRecordDecl *Promise = promiseOf(Class);
    It->second = Promise && makesObjectsOf(*Promise, Class) &&
                 !startsEagerly(*Promise) &&
                 (hasOwnAwaiter(Class) || canAwait(*Promise, Class, Context));
  }
  return It->second;
}

bool TaskTypes::isCoroutineType(const CXXRecordDecl &Class,
                                ASTContext &Context) {
  setContext(Context);
  const CXXRecordDecl *Promise = promiseOf(Class);
  return Promise && makesObjectsOf(*Promise, Class);
}

bool TaskTypes::isAwaitableClass(const CXXRecordDecl &Class,
                                 ASTContext &Context) {
  return isCoroutineType(Class, Context) || hasOwnAwaiter(Class);
}

bool TaskTypes::canAwait(const CXXRecordDecl &Promise,
                         const CXXRecordDecl &Task, ASTContext &Context) {
  setContext(Context);
  auto Transforms = lookupMember(&Promise, name("await_transform"));
  if (Transforms.empty())
    return hasOwnAwaiter(Task);
  return llvm::any_of(Transforms, [&](const NamedDecl *Transform) {
    return transformAccepts(*Transform, Task);
  });
}

void TaskTypes::setContext(ASTContext &Context) {
  if (Ctx == &Context)
    return;
  Ctx = &Context;
  Cache.clear();
  CoroutineTraits = findCoroutineTraits();
}

DeclarationName TaskTypes::name(StringRef Identifier) const {
  return DeclarationName(&Ctx->Idents.get(Identifier));
}

const CXXRecordDecl *
TaskTypes::definitionOrPattern(const CXXRecordDecl *Class) {
  if (!Class)
    return nullptr;
  if (const CXXRecordDecl *Def = Class->getDefinition())
    return Def;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    return Spec->getSpecializedTemplate()->getTemplatedDecl()->getDefinition();
  // A member class (a nested promise_type) of a specialisation is only
  // instantiated once a coroutine body needs it.
  if (const CXXRecordDecl *Member = Class->getInstantiatedFromMemberClass())
    return Member->getDefinition();
  return nullptr;
}

const ClassTemplateDecl *TaskTypes::templateOf(QualType Type) {
  const auto *Template =
      dyn_cast_or_null<ClassTemplateDecl>(helpers::templateOf(Type));
  return Template ? Template->getCanonicalDecl() : nullptr;
}

const CXXRecordDecl *TaskTypes::classOf(QualType Type) {
  Type = Type.getNonReferenceType();
  if (const CXXRecordDecl *Class = Type->getAsCXXRecordDecl())
    return definitionOrPattern(Class);
  if (const ClassTemplateDecl *Template = templateOf(Type))
    return definitionOrPattern(Template->getTemplatedDecl());
  return nullptr;
}

bool TaskTypes::namesTaskClass(QualType Type, const CXXRecordDecl &Task) {
  const CXXRecordDecl *Class = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (Class && Class->getCanonicalDecl() == Task.getCanonicalDecl())
    return true;
  const auto *TaskSpec = dyn_cast<ClassTemplateSpecializationDecl>(&Task);
  return TaskSpec && templateOf(Type) ==
                         TaskSpec->getSpecializedTemplate()->getCanonicalDecl();
}

SmallVector<const NamedDecl *, 4>
TaskTypes::lookupMember(const CXXRecordDecl *Class, DeclarationName Name,
                        unsigned Depth) {
  SmallVector<const NamedDecl *, 4> Found;
  Class = definitionOrPattern(Class);
  if (!Class || Depth > 8)
    return Found;
  for (const NamedDecl *Member : Class->lookup(Name))
    Found.push_back(Member);
  if (!Found.empty())
    return Found;
  for (const CXXBaseSpecifier &Base : Class->bases()) {
    Found = lookupMember(classOf(Base.getType()), Name, Depth + 1);
    if (!Found.empty())
      break;
  }
  return Found;
}

const ClassTemplateDecl *TaskTypes::findCoroutineTraitsIn(const DeclContext &DC,
                                                          ASTContext &Ctx) {
  for (const NamedDecl *D : DC.lookup(&Ctx.Idents.get("coroutine_traits")))
    if (const auto *Template = dyn_cast<ClassTemplateDecl>(D))
      return Template;
  return nullptr;
}

const ClassTemplateDecl *TaskTypes::findCoroutineTraits() const {
  for (const NamedDecl *D :
       Ctx->getTranslationUnitDecl()->lookup(&Ctx->Idents.get("std")))
    if (const auto *Std = dyn_cast<NamespaceDecl>(D))
      return findCoroutineTraitsIn(*Std, *Ctx);
  return nullptr;
}

const CXXRecordDecl *
TaskTypes::promiseTypeMemberOf(const CXXRecordDecl *Class) const {
  auto Members = lookupMember(Class, name("promise_type"));
  if (Members.empty())
    return nullptr;
  if (const auto *Alias = dyn_cast<TypedefNameDecl>(Members.front()))
    return classOf(Alias->getUnderlyingType());
  return definitionOrPattern(dyn_cast<CXXRecordDecl>(Members.front()));
}

const CXXRecordDecl *TaskTypes::promiseOf(const CXXRecordDecl &Class) const {
  if (const CXXRecordDecl *Promise = promiseTypeMemberOf(&Class))
    return Promise;
  if (!CoroutineTraits)
    return nullptr;
  auto FirstArgument = [](const TemplateArgumentList &Args) {
    return Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type
               ? Args[0].getAsType()
               : QualType();
  };
  for (const ClassTemplateSpecializationDecl *Spec :
       CoroutineTraits->specializations()) {
    const QualType Returned = FirstArgument(Spec->getTemplateArgs());
    if (!Returned.isNull() && namesTaskClass(Returned, Class))
      if (const CXXRecordDecl *Promise = promiseTypeMemberOf(Spec))
        return Promise;
  }
  SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  const_cast<ClassTemplateDecl *>(CoroutineTraits)
      ->getPartialSpecializations(Partials);
  for (const ClassTemplatePartialSpecializationDecl *Partial : Partials) {
    const QualType Returned = FirstArgument(Partial->getTemplateArgs());
    if (!Returned.isNull() && namesTaskClass(Returned, Class))
      if (const CXXRecordDecl *Promise = promiseTypeMemberOf(Partial))
        return Promise;
  }
  return nullptr;
}

bool TaskTypes::makesObjectsOf(const CXXRecordDecl &Promise,
                               const CXXRecordDecl &Class) const {
  auto Makers = lookupMember(&Promise, name("get_return_object"));
  const FunctionDecl *Maker =
      Makers.empty() ? nullptr : Makers.front()->getAsFunction();
  if (!Maker)
    return false;
  const QualType Made = Maker->getReturnType();
  if (Made->isUndeducedType() || (Made->isDependentType() && !templateOf(Made)))
    return true;
  return namesTaskClass(Made, Class);
}

QualType TaskTypes::initialSuspendType(const FunctionDecl &InitialSuspend) {
  const QualType Declared = InitialSuspend.getReturnType();
  if (!Declared->isUndeducedType())
    return Declared;
  const FunctionDecl *Pattern =
      InitialSuspend.getTemplateInstantiationPattern();
  const auto *Body = dyn_cast_or_null<CompoundStmt>(
      (Pattern ? Pattern : &InitialSuspend)->getBody());
  if (!Body)
    return QualType();
  for (const Stmt *S : Body->body())
    if (const auto *Return = dyn_cast<ReturnStmt>(S))
      if (const Expr *Value = Return->getRetValue())
        return Value->getType();
  return QualType();
}

bool TaskTypes::startsEagerly(const CXXRecordDecl &Promise) const {
  auto InitialSuspend = lookupMember(&Promise, name("initial_suspend"));
  const auto *Function = InitialSuspend.empty()
                             ? nullptr
                             : dyn_cast<FunctionDecl>(InitialSuspend.front());
  if (!Function)
    return false;
  const QualType Awaiter = initialSuspendType(*Function);
  const CXXRecordDecl *AwaiterClass =
      Awaiter.isNull() ? nullptr : classOf(Awaiter);
  if (!AwaiterClass)
    return false;
  if (AwaiterClass->isInStdNamespace() &&
      AwaiterClass->getName() == "suspend_never")
    return true;
  auto Ready = lookupMember(AwaiterClass, name("await_ready"));
  const auto *ReadyFunction =
      Ready.empty() ? nullptr : dyn_cast<FunctionDecl>(Ready.front());
  const auto *Body =
      ReadyFunction ? dyn_cast_or_null<CompoundStmt>(ReadyFunction->getBody())
                    : nullptr;
  const auto *Return = Body && Body->size() == 1
                           ? dyn_cast<ReturnStmt>(Body->body_front())
                           : nullptr;
  const auto *Value = Return && Return->getRetValue()
                          ? dyn_cast<CXXBoolLiteralExpr>(
                                Return->getRetValue()->IgnoreImplicit())
                          : nullptr;
  return Value && Value->getValue();
}

bool TaskTypes::hasOwnAwaiter(const CXXRecordDecl &Task) const {
  const DeclarationName CoAwait =
      Ctx->DeclarationNames.getCXXOperatorName(OO_Coawait);
  if (!lookupMember(&Task, CoAwait).empty() ||
      !lookupMember(&Task, name("await_ready")).empty())
    return true;
  for (const NamedDecl *D :
       Task.getEnclosingNamespaceContext()->lookup(CoAwait)) {
    const FunctionDecl *Function = D->getAsFunction();
    if (Function && Function->getNumParams() == 1 &&
        namesTaskClass(Function->getParamDecl(0)->getType(), Task))
      return true;
  }
  return false;
}

bool TaskTypes::transformAccepts(const NamedDecl &Transform,
                                 const CXXRecordDecl &Task) const {
  const auto *Template = dyn_cast<FunctionTemplateDecl>(&Transform);
  const FunctionDecl *Function = Template ? Template->getTemplatedDecl()
                                          : dyn_cast<FunctionDecl>(&Transform);
  if (!Function || Function->getNumParams() == 0)
    return false;
  const QualType Param =
      Function->getParamDecl(0)->getType().getNonReferenceType();
  if (namesTaskClass(Param, Task))
    return true;
  const bool CatchAll =
      Template && Param->getAs<TemplateTypeParmType>() &&
      Function->getNumParams() == 1 &&
      !Template->getTemplateParameters()->hasAssociatedConstraints() &&
      !Function->getTrailingRequiresClause();
  return CatchAll && hasOwnAwaiter(Task);
}

} // namespace clang::tidy::async::helpers
