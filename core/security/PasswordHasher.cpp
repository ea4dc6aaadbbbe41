#include "core/security/PasswordHasher.h"

#include <QByteArray>
#include <QSet>

#include <sodium.h>

namespace crm {

namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19 * 1024 * 1024;

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

Result<QString> PasswordHasher::hash(const QString &password)
{
    if (!sodiumReady())
        return Error::internal();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error::internal(QStringLiteral("Not enough memory to hash the password"));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &password, const QString &storedHash)
{
    if (!sodiumReady() || storedHash.isEmpty())
        return false;
    const QByteArray utf8 = password.toUtf8();
    const QByteArray stored = storedHash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

Status PasswordHasher::checkStrength(const QString &password, const QString &username)
{
    const QString field = QStringLiteral("password");
    if (password.isEmpty())
        return Error::validation(QStringLiteral("required"), field, QStringLiteral("The password is empty"));
    if (password.size() < 8)
        return Error::validation(QStringLiteral("weak"), field, QStringLiteral("The password must have at least 8 characters"));
    if (password.size() > 256)
        return Error::validation(QStringLiteral("too_long"), field, QStringLiteral("The password is longer than 256 characters"));
    static const QSet<QString> common = {QStringLiteral("password"), QStringLiteral("12345678"), QStringLiteral("123456789"),
                                         QStringLiteral("1234567890"), QStringLiteral("qwertyui"), QStringLiteral("11111111"),
                                         QStringLiteral("88888888"), QStringLiteral("password1"), QStringLiteral("abcd1234"),
                                         QStringLiteral("iloveyou"), QStringLiteral("00000000"), QStringLiteral("a1234567")};
    if (common.contains(password.toLower()))
        return Error::validation(QStringLiteral("weak"), field, QStringLiteral("This password is too common"));
    if (!username.isEmpty() && password.compare(username, Qt::CaseInsensitive) == 0)
        return Error::validation(QStringLiteral("weak"), field, QStringLiteral("The password may not be the user name"));
    bool allSame = true;
    for (QChar c : password)
        allSame = allSame && c == password.front();
    if (allSame)
        return Error::validation(QStringLiteral("weak"), field, QStringLiteral("The password repeats one character"));
    return {};
}

} // namespace crm
