#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace crm {

// Passwords in the system keychain (Secret Service on Linux) through QtKeychain; never in a file.
// An entry is keyed by the user name and the database it belongs to. All calls are asynchronous:
// the keychain may have to be unlocked by the user.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    // service: the keychain's service name; tests use their own so they never touch the user's.
    explicit CredentialStore(const QString &service = QStringLiteral("crm-desktop"), QObject *parent = nullptr);

    static QString key(const QString &username, const QString &databaseLocation);

    // done(found, password, error): error is empty when the keychain answered (found or not).
    void read(const QString &key, std::function<void(bool found, const QString &password, const QString &error)> done);
    // done(error): empty on success.
    void write(const QString &key, const QString &password, std::function<void(const QString &error)> done = {});
    // Deleting an entry that does not exist is not an error.
    void remove(const QString &key, std::function<void(const QString &error)> done = {});

private:
    QString m_service;
};

} // namespace crm
