<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DashboardSeries</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n deal(s))</source>
        <translation>
            <numerusform>%1 (%n deal)</numerusform>
            <numerusform>%1 (%n deals)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (hundred millions)</source>
        <translation>%1 (hundred millions)</translation>
    </message>
    <message>
        <source>%1 (ten thousands)</source>
        <translation>%1 (ten thousands)</translation>
    </message>
    <message>
        <source>%1 (millions)</source>
        <translation>%1 (millions)</translation>
    </message>
    <message>
        <source>%1 (thousands)</source>
        <translation>%1 (thousands)</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Sales rep</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <source>Read customers</source>
        <translation>Read customers</translation>
    </message>
    <message>
        <source>Add and edit customers</source>
        <translation>Add and edit customers</translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>Delete customers</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>Export customers</translation>
    </message>
    <message>
        <source>Export phones and emails unmasked</source>
        <translation>Export phones and emails unmasked</translation>
    </message>
    <message>
        <source>Assign customers and move them to the pool</source>
        <translation>Assign customers and move them to the pool</translation>
    </message>
    <message>
        <source>Claim from the public pool</source>
        <translation>Claim from the public pool</translation>
    </message>
    <message>
        <source>Read leads</source>
        <translation>Read leads</translation>
    </message>
    <message>
        <source>Add, edit and convert leads</source>
        <translation>Add, edit and convert leads</translation>
    </message>
    <message>
        <source>Read opportunities</source>
        <translation>Read opportunities</translation>
    </message>
    <message>
        <source>Add, edit and move opportunities</source>
        <translation>Add, edit and move opportunities</translation>
    </message>
    <message>
        <source>Delete opportunities</source>
        <translation>Delete opportunities</translation>
    </message>
    <message>
        <source>Read activities</source>
        <translation>Read activities</translation>
    </message>
    <message>
        <source>Log activities</source>
        <translation>Log activities</translation>
    </message>
    <message>
        <source>Read tasks and follow-ups</source>
        <translation>Read tasks and follow-ups</translation>
    </message>
    <message>
        <source>Add and edit tasks and follow-ups</source>
        <translation>Add and edit tasks and follow-ups</translation>
    </message>
    <message>
        <source>Read campaigns</source>
        <translation>Read campaigns</translation>
    </message>
    <message>
        <source>Run campaigns</source>
        <translation>Run campaigns</translation>
    </message>
    <message>
        <source>Read feedback</source>
        <translation>Read feedback</translation>
    </message>
    <message>
        <source>Record and handle feedback</source>
        <translation>Record and handle feedback</translation>
    </message>
    <message>
        <source>See dashboards and reports</source>
        <translation>See dashboards and reports</translation>
    </message>
    <message>
        <source>Export reports</source>
        <translation>Export reports</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>Read the audit log</translation>
    </message>
    <message>
        <source>Administer users, departments and roles</source>
        <translation>Administer users, departments and roles</translation>
    </message>
    <message>
        <source>Change company settings and pipelines</source>
        <translation>Change company settings and pipelines</translation>
    </message>
    <message>
        <source>Own records</source>
        <translation>Own records</translation>
    </message>
    <message>
        <source>Own and subordinates&apos; records</source>
        <translation>Own and subordinates&apos; records</translation>
    </message>
    <message>
        <source>Own department</source>
        <translation>Own department</translation>
    </message>
    <message>
        <source>Department and its sub-departments</source>
        <translation>Department and its sub-departments</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>deal status</comment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Won</source>
        <comment>deal status</comment>
        <translation>Won</translation>
    </message>
    <message>
        <source>Lost</source>
        <comment>deal status</comment>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>task status</comment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Done</source>
        <comment>task status</comment>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>task status</comment>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>Emails</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: this account is locked for %n more minute(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins: this account is locked for %n more minute.</numerusform>
            <numerusform>Too many failed sign-ins: this account is locked for %n more minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask an administrator.</source>
        <translation>This account has been deactivated. Ask an administrator.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check its address and that the server is running.</source>
        <translation>The database cannot be reached. Check its address and that the server is running.</translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation>The database is busy. Try again in a moment.</translation>
    </message>
    <message>
        <source>This database was created by a newer version of the CRM.</source>
        <translation>This database was created by a newer version of the CRM.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>You do not have permission to do this.</translation>
    </message>
    <message>
        <source>This record no longer exists or is not visible to you.</source>
        <translation>This record no longer exists or is not visible to you.</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reload it and apply your change again.</source>
        <translation>Someone else changed this record meanwhile. Reload it and apply your change again.</translation>
    </message>
    <message>
        <source>This would duplicate an existing record.</source>
        <translation>This would duplicate an existing record.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is required.</translation>
    </message>
    <message>
        <source>%1: the format is not valid.</source>
        <translation>%1: the format is not valid.</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1 is too long.</translation>
    </message>
    <message>
        <source>%1 is out of range.</source>
        <translation>%1 is out of range.</translation>
    </message>
    <message>
        <source>%1 refers to something that does not exist.</source>
        <translation>%1 refers to something that does not exist.</translation>
    </message>
    <message>
        <source>%1 is not valid.</source>
        <translation>%1 is not valid.</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>The operation failed: %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Customer phone</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>Expected close date</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>Loss reason</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Duration (seconds)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Custom field %1</source>
        <translation>Custom field %1</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <source>Contact position</source>
        <translation>Contact position</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>Contact email</source>
        <translation>Contact email</translation>
    </message>
    <message>
        <source>At least one active user must keep user administration.</source>
        <translation>At least one active user must keep user administration.</translation>
    </message>
    <message>
        <source>The file cannot be read. Check that it exists and that you may read it. Details: %1</source>
        <translation>The file cannot be read. Check that it exists and that you may read it. Details: %1</translation>
    </message>
    <message>
        <source>The file cannot be written. Check that the folder exists, that you may write to it and that the disk is not full. Details: %1</source>
        <translation>The file cannot be written. Check that the folder exists, that you may write to it and that the disk is not full. Details: %1</translation>
    </message>
    <message>
        <source>This cannot be done in the record&apos;s current state.</source>
        <translation>This cannot be done in the record&apos;s current state.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (write it as YYYY-MM-DD HH:MM)</source>
        <translation>&quot;%1&quot; is not a time (write it as YYYY-MM-DD HH:MM)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of seconds</source>
        <translation>&quot;%1&quot; is not a number of seconds</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither yes nor no</source>
        <translation>&quot;%1&quot; is neither yes nor no</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (write it as YYYY-MM-DD)</source>
        <translation>&quot;%1&quot; is not a date (write it as YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>The pipeline has no won stage</source>
        <translation>The pipeline has no won stage</translation>
    </message>
    <message>
        <source>The pipeline has no lost stage</source>
        <translation>The pipeline has no lost stage</translation>
    </message>
    <message>
        <source>The pipeline has no open stage</source>
        <translation>The pipeline has no open stage</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a customer id</source>
        <translation>&quot;%1&quot; is not a customer id</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number</source>
        <translation>&quot;%1&quot; is not a phone number</translation>
    </message>
    <message>
        <source>Unknown customer %1</source>
        <translation>Unknown customer %1</translation>
    </message>
    <message>
        <source>Customer %1 is named &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>Customer %1 is named &quot;%2&quot;, not &quot;%3&quot;</translation>
    </message>
    <message>
        <source>Unknown customer &quot;%1&quot;</source>
        <translation>Unknown customer &quot;%1&quot;</translation>
    </message>
    <message>
        <source>No customer &quot;%1&quot; has the phone %2</source>
        <translation>No customer &quot;%1&quot; has the phone %2</translation>
    </message>
    <message>
        <source>%1 customers are named &quot;%2&quot;; add a column with the customer&apos;s phone or id to tell them apart</source>
        <translation>%1 customers are named &quot;%2&quot;; add a column with the customer&apos;s phone or id to tell them apart</translation>
    </message>
    <message>
        <source>Unknown owner &quot;%1&quot;</source>
        <translation>Unknown owner &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The owner &quot;%1&quot; is inactive</source>
        <translation>The owner &quot;%1&quot; is inactive</translation>
    </message>
    <message>
        <source>Unknown pipeline &quot;%1&quot;</source>
        <translation>Unknown pipeline &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Several pipelines have a stage &quot;%1&quot;; add a pipeline column</source>
        <translation>Several pipelines have a stage &quot;%1&quot;; add a pipeline column</translation>
    </message>
    <message>
        <source>Unknown stage &quot;%1&quot;</source>
        <translation>Unknown stage &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The pipeline &quot;%1&quot; has no stage &quot;%2&quot; (a pipeline column moves the opportunity to another pipeline)</source>
        <translation>The pipeline &quot;%1&quot; has no stage &quot;%2&quot; (a pipeline column moves the opportunity to another pipeline)</translation>
    </message>
    <message>
        <source>Unknown pipeline</source>
        <translation>Unknown pipeline</translation>
    </message>
    <message>
        <source>The stage &quot;%1&quot; is %2, not %3</source>
        <translation>The stage &quot;%1&quot; is %2, not %3</translation>
    </message>
    <message>
        <source>You may not move opportunity %1 to another pipeline</source>
        <translation>You may not move opportunity %1 to another pipeline</translation>
    </message>
    <message>
        <source>You may not move opportunity %1</source>
        <translation>You may not move opportunity %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount (write it as 1234.50)</source>
        <translation>&quot;%1&quot; is not an amount (write it as 1234.50)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole percentage such as 30</source>
        <translation>&quot;%1&quot; is not a whole percentage such as 30</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no status (open, won, lost or 进行中, 赢单, 输单)</source>
        <translation>&quot;%1&quot; is no status (open, won, lost or 进行中, 赢单, 输单)</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>Row %1: the text is not valid UTF-8. If the file was saved by Excel on Chinese Windows, choose the GB18030 encoding (--encoding gb18030).</source>
        <translation>Row %1: the text is not valid UTF-8. If the file was saved by Excel on Chinese Windows, choose the GB18030 encoding (--encoding gb18030).</translation>
    </message>
    <message>
        <source>Row %1: the text is not valid %2; choose the file&apos;s encoding (for example --encoding utf-8).</source>
        <translation>Row %1: the text is not valid %2; choose the file&apos;s encoding (for example --encoding utf-8).</translation>
    </message>
    <message>
        <source>Row %1: more than %2 columns; is this a table file?</source>
        <translation>Row %1: more than %2 columns; is this a table file?</translation>
    </message>
    <message>
        <source>Row %1: a quoted field is not closed (a &quot; is missing)</source>
        <translation>Row %1: a quoted field is not closed (a &quot; is missing)</translation>
    </message>
    <message>
        <source>Row %1: a field is longer than %2 characters</source>
        <translation>Row %1: a field is longer than %2 characters</translation>
    </message>
    <message>
        <source>Row %1: a quoted field is longer than %2 characters (is a closing &quot; missing?)</source>
        <translation>Row %1: a quoted field is longer than %2 characters (is a closing &quot; missing?)</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged (relationships: %1)</source>
        <translation>The XLSX workbook is damaged (relationships: %1)</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: %1, line %2: %3</source>
        <translation>The XLSX workbook is damaged: %1, line %2: %3</translation>
    </message>
    <message>
        <source>The file is a zip archive but not an XLSX workbook (it has no %1)</source>
        <translation>The file is a zip archive but not an XLSX workbook (it has no %1)</translation>
    </message>
    <message>
        <source>The XLSX workbook has no worksheets</source>
        <translation>The XLSX workbook has no worksheets</translation>
    </message>
    <message>
        <source>The workbook has no sheet &quot;%1&quot; (sheets: %2)</source>
        <translation>The workbook has no sheet &quot;%1&quot; (sheets: %2)</translation>
    </message>
    <message>
        <source>The workbook has %1 sheet(s); there is no sheet %2 (sheets: %3)</source>
        <translation>The workbook has %1 sheet(s); there is no sheet %2 (sheets: %3)</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is not a worksheet (a chart sheet?)</source>
        <translation>The sheet &quot;%1&quot; is not a worksheet (a chart sheet?)</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: %1 ends in the middle (line %2)</source>
        <translation>The XLSX workbook is damaged: %1 ends in the middle (line %2)</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: %1 ends in the middle</source>
        <translation>The XLSX workbook is damaged: %1 ends in the middle</translation>
    </message>
    <message>
        <source>The XLSX workbook has too many distinct texts</source>
        <translation>The XLSX workbook has too many distinct texts</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: row %1 is not closed</source>
        <translation>The XLSX workbook is damaged: row %1 is not closed</translation>
    </message>
    <message>
        <source>Row %1: more than %2 columns; is this a table?</source>
        <translation>Row %1: more than %2 columns; is this a table?</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: a cell of row %1 refers to a missing shared text</source>
        <translation>The XLSX workbook is damaged: a cell of row %1 refers to a missing shared text</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Cannot read the file: %1</translation>
    </message>
    <message>
        <source>The mapping has %1 fields for %2 columns</source>
        <translation>The mapping has %1 fields for %2 columns</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot;: there is no customer field &quot;%2&quot; (fields: %3)</source>
        <translation>Column &quot;%1&quot;: there is no customer field &quot;%2&quot; (fields: %3)</translation>
    </message>
    <message>
        <source>Columns &quot;%1&quot; and &quot;%2&quot; both fill the field &quot;%3&quot;</source>
        <translation>Columns &quot;%1&quot; and &quot;%2&quot; both fill the field &quot;%3&quot;</translation>
    </message>
    <message>
        <source>No column holds the customer name (a header such as 姓名, 名称, 客户名称 or name); map one with a mapping template</source>
        <translation>No column holds the customer name (a header such as 姓名, 名称, 客户名称 or name); map one with a mapping template</translation>
    </message>
    <message>
        <source>The mapping template is for &quot;%1&quot;, not customers</source>
        <translation>The mapping template is for &quot;%1&quot;, not customers</translation>
    </message>
    <message>
        <source>The mapping template has no &quot;columns&quot; object</source>
        <translation>The mapping template has no &quot;columns&quot; object</translation>
    </message>
    <message>
        <source>The mapping of column &quot;%1&quot; must be a field name or &quot;&quot;</source>
        <translation>The mapping of column &quot;%1&quot; must be a field name or &quot;&quot;</translation>
    </message>
    <message>
        <source>Cannot read the mapping %1: %2</source>
        <translation>Cannot read the mapping %1: %2</translation>
    </message>
    <message>
        <source>The mapping %1 is not a JSON object: %2</source>
        <translation>The mapping %1 is not a JSON object: %2</translation>
    </message>
    <message>
        <source>The mapping template is for &quot;%1&quot;, not %2</source>
        <translation>The mapping template is for &quot;%1&quot;, not %2</translation>
    </message>
    <message>
        <source>There is no import of &quot;%1&quot;</source>
        <translation>There is no import of &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot;: there is no %2 field &quot;%3&quot; (fields: %4)</source>
        <translation>Column &quot;%1&quot;: there is no %2 field &quot;%3&quot; (fields: %4)</translation>
    </message>
    <message>
        <source>No column names the customer (a header such as 客户, 客户名称, customer or customerId); map one with a mapping template</source>
        <translation>No column names the customer (a header such as 客户, 客户名称, customer or customerId); map one with a mapping template</translation>
    </message>
    <message>
        <source>No column holds the opportunity name (a header such as 商机名称 or opportunity); map one with a mapping template</source>
        <translation>No column holds the opportunity name (a header such as 商机名称 or opportunity); map one with a mapping template</translation>
    </message>
    <message>
        <source>No column holds the contact&apos;s name (a header such as 姓名, 联系人 or name); map one with a mapping template</source>
        <translation>No column holds the contact&apos;s name (a header such as 姓名, 联系人 or name); map one with a mapping template</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <source>A JSON import file must hold an array of objects, [{...}, {...}] (at byte %1)</source>
        <translation>A JSON import file must hold an array of objects, [{...}, {...}] (at byte %1)</translation>
    </message>
    <message>
        <source>The JSON file ends before its array is closed with ]; it may be truncated (at byte %1)</source>
        <translation>The JSON file ends before its array is closed with ]; it may be truncated (at byte %1)</translation>
    </message>
    <message>
        <source>Unexpected text after the end of the JSON array (at byte %1)</source>
        <translation>Unexpected text after the end of the JSON array (at byte %1)</translation>
    </message>
    <message>
        <source>Expected , or ] after object %1 (at byte %2)</source>
        <translation>Expected , or ] after object %1 (at byte %2)</translation>
    </message>
    <message>
        <source>Element %1 of the JSON array is not an object (at byte %2)</source>
        <translation>Element %1 of the JSON array is not an object (at byte %2)</translation>
    </message>
    <message>
        <source>Object %1 is larger than %2 MiB; is the file damaged? (at byte %3)</source>
        <translation>Object %1 is larger than %2 MiB; is the file damaged? (at byte %3)</translation>
    </message>
    <message>
        <source>The JSON file ends inside object %1; it may be truncated (at byte %2)</source>
        <translation>The JSON file ends inside object %1; it may be truncated (at byte %2)</translation>
    </message>
    <message>
        <source>Object %1 is not valid JSON: %2 (at byte %3)</source>
        <translation>Object %1 is not valid JSON: %2 (at byte %3)</translation>
    </message>
    <message>
        <source>The objects have more than %1 different keys</source>
        <translation>The objects have more than %1 different keys</translation>
    </message>
    <message>
        <source>The JSON array holds no objects with keys</source>
        <translation>The JSON array holds no objects with keys</translation>
    </message>
    <message>
        <source>This is an old binary Excel workbook (.xls); save it as .xlsx or CSV and import that</source>
        <translation>This is an old binary Excel workbook (.xls); save it as .xlsx or CSV and import that</translation>
    </message>
    <message>
        <source>The file %1 does not exist</source>
        <translation>The file %1 does not exist</translation>
    </message>
    <message>
        <source>The file is not a valid XLSX workbook: its zip archive is damaged or truncated</source>
        <translation>The file is not a valid XLSX workbook: its zip archive is damaged or truncated</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: its part %1 cannot be unpacked</source>
        <translation>The XLSX workbook is damaged: its part %1 cannot be unpacked</translation>
    </message>
    <message>
        <source>The XLSX workbook has no part %1</source>
        <translation>The XLSX workbook has no part %1</translation>
    </message>
    <message>
        <source>The XLSX part %1 is too large (%2 MB unpacked)</source>
        <translation>The XLSX part %1 is too large (%2 MB unpacked)</translation>
    </message>
    <message>
        <source>The XLSX part %1 is too large</source>
        <translation>The XLSX part %1 is too large</translation>
    </message>
</context>
<context>
    <name>ImportReason</name>
    <message>
        <source>same phone</source>
        <translation>same phone</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>same email</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>same name</translation>
    </message>
    <message>
        <source>same customer and name</source>
        <translation>same customer and name</translation>
    </message>
    <message>
        <source>same customer, time, kind, subject and content</source>
        <translation>same customer, time, kind, subject and content</translation>
    </message>
    <message>
        <source>skipped: duplicate of row %1 (%2)</source>
        <translation>skipped: duplicate of row %1 (%2)</translation>
    </message>
    <message>
        <source>skipped: duplicate of opportunity %1 (%2)</source>
        <translation>skipped: duplicate of opportunity %1 (%2)</translation>
    </message>
    <message>
        <source>skipped: duplicate of activity %1 (%2)</source>
        <translation>skipped: duplicate of activity %1 (%2)</translation>
    </message>
    <message>
        <source>skipped: duplicate of customer %1 (%2)</source>
        <translation>skipped: duplicate of customer %1 (%2)</translation>
    </message>
    <message>
        <source>skipped: the customer already has this opportunity, held by another user</source>
        <translation>skipped: the customer already has this opportunity, held by another user</translation>
    </message>
    <message>
        <source>skipped: already in the CRM, held by another user (%1)</source>
        <translation>skipped: already in the CRM, held by another user (%1)</translation>
    </message>
    <message>
        <source>cannot update: the customer already has this opportunity, held by another user</source>
        <translation>cannot update: the customer already has this opportunity, held by another user</translation>
    </message>
    <message>
        <source>cannot update: already in the CRM, held by another user (%1), outside your customers</source>
        <translation>cannot update: already in the CRM, held by another user (%1), outside your customers</translation>
    </message>
    <message>
        <source>row</source>
        <translation>row</translation>
    </message>
    <message>
        <source>column</source>
        <translation>column</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>skipped: duplicate of contact %1 (%2)</source>
        <translation>skipped: duplicate of contact %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>No data in this period.</source>
        <translation>No data in this period.</translation>
    </message>
    <message>
        <source>Generated %1; money in %2</source>
        <translation>Generated %1; money in %2</translation>
    </message>
    <message>
        <source>call</source>
        <translation>call</translation>
    </message>
    <message>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>meeting</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visit</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Week starting</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(no owner)</translation>
    </message>
    <message>
        <source>Scope: %1 only</source>
        <translation>Scope: %1 only</translation>
    </message>
    <message>
        <source>Scope: the data of %1</source>
        <translation>Scope: the data of %1</translation>
    </message>
    <message>
        <source>Scope: %1 and their team</source>
        <translation>Scope: %1 and their team</translation>
    </message>
    <message>
        <source>Scope: the department of %1</source>
        <translation>Scope: the department of %1</translation>
    </message>
    <message>
        <source>Scope: the department of %1 and its sub-departments</source>
        <translation>Scope: the department of %1 and its sub-departments</translation>
    </message>
    <message>
        <source>Scope: all data (%1)</source>
        <translation>Scope: all data (%1)</translation>
    </message>
    <message>
        <source>Sales performance report</source>
        <translation>Sales performance report</translation>
    </message>
    <message>
        <source>Sales funnel and conversion report</source>
        <translation>Sales funnel and conversion report</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <source>Customer growth and source report</source>
        <translation>Customer growth and source report</translation>
    </message>
    <message>
        <source>Overdue tasks report</source>
        <translation>Overdue tasks report</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>Period: %1 to %2</translation>
    </message>
    <message>
        <source>Won deals per period</source>
        <translation>Won deals per period</translation>
    </message>
    <message>
        <source>By period</source>
        <translation>By period</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>Deals won</translation>
    </message>
    <message>
        <source>Amount won</source>
        <translation>Amount won</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Won deals by sales rep</source>
        <translation>Won deals by sales rep</translation>
    </message>
    <message>
        <source>By sales rep</source>
        <translation>By sales rep</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Sales rep</translation>
    </message>
    <message>
        <source>Share of amount</source>
        <translation>Share of amount</translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation>Average deal</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Win rate</translation>
    </message>
    <message>
        <source>Average sales cycle (days)</source>
        <translation>Average sales cycle (days)</translation>
    </message>
    <message>
        <source>Deals created in the period by the furthest stage reached</source>
        <translation>Deals created in the period by the furthest stage reached</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Funnel</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Deals reaching it</source>
        <translation>Deals reaching it</translation>
    </message>
    <message>
        <source>Conversion to the next stage</source>
        <translation>Conversion to the next stage</translation>
    </message>
    <message>
        <source>Open pipeline now</source>
        <translation>Open pipeline now</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>Open pipeline</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Open deals</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>Weighted amount</translation>
    </message>
    <message>
        <source>Deals created</source>
        <translation>Deals created</translation>
    </message>
    <message>
        <source>Of these won</source>
        <translation>Of these won</translation>
    </message>
    <message>
        <source>Overall conversion</source>
        <translation>Overall conversion</translation>
    </message>
    <message>
        <source>Deals closed in the period: won</source>
        <translation>Deals closed in the period: won</translation>
    </message>
    <message>
        <source>Deals closed in the period: lost</source>
        <translation>Deals closed in the period: lost</translation>
    </message>
    <message>
        <source>Activities by sales rep and kind</source>
        <translation>Activities by sales rep and kind</translation>
    </message>
    <message>
        <source>Activities by kind</source>
        <translation>Activities by kind</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>By kind</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Activities logged</source>
        <translation>Activities logged</translation>
    </message>
    <message>
        <source>Sales reps with activities</source>
        <translation>Sales reps with activities</translation>
    </message>
    <message>
        <source>New customers per period</source>
        <translation>New customers per period</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Growth</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>New customers</translation>
    </message>
    <message>
        <source>New customers by source</source>
        <translation>New customers by source</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>Open tasks overdue on %1</source>
        <translation>Open tasks overdue on %1</translation>
    </message>
    <message>
        <source>Overdue tasks by owner</source>
        <translation>Overdue tasks by owner</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>By owner</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Overdue tasks</translation>
    </message>
    <message>
        <source>Oldest due date</source>
        <translation>Oldest due date</translation>
    </message>
    <message>
        <source>The %1 longest overdue tasks</source>
        <translation>The %1 longest overdue tasks</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Owners with overdue tasks</source>
        <translation>Owners with overdue tasks</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Campaign effect report</source>
        <translation>Campaign effect report</translation>
    </message>
    <message>
        <source>Campaigns running in the period</source>
        <translation>Campaigns running in the period</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Converted</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>Conversion rate</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Cost per conversion</source>
        <translation>Cost per conversion</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Customer activity report</source>
        <translation>Customer activity report</translation>
    </message>
    <message>
        <source>Customers in scope today</source>
        <translation>Customers in scope today</translation>
    </message>
    <message>
        <source>Customers by province (all customers in scope today)</source>
        <translation>Customers by province (all customers in scope today)</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>Provinces</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Customers by industry (all customers in scope today)</source>
        <translation>Customers by industry (all customers in scope today)</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>Industries</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>As of %1, when the report was generated: the period does not change these figures</source>
        <translation>As of %1, when the report was generated: the period does not change these figures</translation>
    </message>
    <message>
        <source>Within 7 days</source>
        <translation>Within 7 days</translation>
    </message>
    <message>
        <source>8-30 days ago</source>
        <translation>8-30 days ago</translation>
    </message>
    <message>
        <source>31-90 days ago</source>
        <translation>31-90 days ago</translation>
    </message>
    <message>
        <source>Over 90 days ago</source>
        <translation>Over 90 days ago</translation>
    </message>
    <message>
        <source>Never contacted</source>
        <translation>Never contacted</translation>
    </message>
    <message>
        <source>Customers per owner by their last contact</source>
        <translation>Customers per owner by their last contact</translation>
    </message>
    <message>
        <source>0-7 days</source>
        <translation>0-7 days</translation>
    </message>
    <message>
        <source>8-30 days</source>
        <translation>8-30 days</translation>
    </message>
    <message>
        <source>31-90 days</source>
        <translation>31-90 days</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>No contact in 90 days</source>
        <translation>No contact in 90 days</translation>
    </message>
    <message>
        <source>(public pool)</source>
        <translation>(public pool)</translation>
    </message>
    <message>
        <source>Customers by their last contact</source>
        <translation>Customers by their last contact</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Contacted in the last 30 days</source>
        <translation>Contacted in the last 30 days</translation>
    </message>
    <message>
        <source>Of all customers</source>
        <translation>Of all customers</translation>
    </message>
    <message>
        <source>No contact in the last 90 days</source>
        <translation>No contact in the last 90 days</translation>
    </message>
    <message>
        <source>%1K</source>
        <comment>thousands, on an English chart axis</comment>
        <translation>%1K</translation>
    </message>
    <message>
        <source>%1M</source>
        <comment>millions, on an English chart axis</comment>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1 ten thousand</source>
        <comment>on a Chinese chart axis: %1万</comment>
        <translation>%1 ten thousand</translation>
    </message>
    <message>
        <source>%1 hundred million</source>
        <comment>on a Chinese chart axis: %1亿</comment>
        <translation>%1 hundred million</translation>
    </message>
</context>
<context>
    <name>SeedNames</name>
    <message>
        <source>lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>qualified</source>
        <translation>Qualified</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>negotiation</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <source>won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>due</source>
        <translation>Due for renewal</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>New business</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Renewals</translation>
    </message>
</context>
<context>
    <name>crm::ActivitiesDialog</name>
    <message>
        <source>Load more</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>No activities in this period</source>
        <translation>No activities in this period</translation>
    </message>
    <message numerus="yes">
        <source>%n activit(y/ies) shown</source>
        <translation>
            <numerusform>%n activity shown</numerusform>
            <numerusform>%n activities shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::CampaignDialog</name>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>End:</translation>
    </message>
    <message>
        <source>Edit campaign</source>
        <translation>Edit campaign</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>e.g. 50 sign-ups for the spring fair</source>
        <translation>e.g. 50 sign-ups for the spring fair</translation>
    </message>
    <message>
        <source>Leave unchecked for no start date</source>
        <translation>Leave unchecked for no start date</translation>
    </message>
    <message>
        <source>Leave unchecked for no end date</source>
        <translation>Leave unchecked for no end date</translation>
    </message>
    <message>
        <source>A three-letter currency code such as CNY</source>
        <translation>A three-letter currency code such as CNY</translation>
    </message>
    <message>
        <source>None checked: customers of any status</source>
        <translation>None checked: customers of any status</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>As written in the address, e.g. 广东省</source>
        <translation>As written in the address, e.g. 广东省</translation>
    </message>
    <message>
        <source>As written in the address, e.g. 深圳市</source>
        <translation>As written in the address, e.g. 深圳市</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Any owner</translation>
    </message>
    <message>
        <source>Customers you can see that match the target now</source>
        <translation>Customers you can see that match the target now</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Goal:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>Budget:</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Customer status:</source>
        <translation>Customer status:</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>City:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>User #%1</source>
        <translation>User #%1</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactive)</translation>
    </message>
    <message>
        <source>Counting the customers this target reaches…</source>
        <translation>Counting the customers this target reaches…</translation>
    </message>
    <message>
        <source>The reach could not be counted: %1</source>
        <translation>The reach could not be counted: %1</translation>
    </message>
    <message numerus="yes">
        <source>Reaches %n customer(s)</source>
        <translation>
            <numerusform>Reaches %n customer</numerusform>
            <numerusform>Reaches %n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::CampaignTableModel</name>
    <message>
        <source>Planned</source>
        <comment>campaign status</comment>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>campaign status</comment>
        <translation>Active</translation>
    </message>
    <message>
        <source>Finished</source>
        <comment>campaign status</comment>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>campaign status</comment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Invited</source>
        <comment>campaign participant status</comment>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Responded</source>
        <comment>campaign participant status</comment>
        <translation>Responded</translation>
    </message>
    <message>
        <source>Converted</source>
        <comment>campaign participant status</comment>
        <translation>Converted</translation>
    </message>
    <message>
        <source>Declined</source>
        <comment>campaign participant status</comment>
        <translation>Declined</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (from %2)</translation>
    </message>
</context>
<context>
    <name>crm::CampaignsView</name>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>New campaign (Ctrl+N)</source>
        <translation>New campaign (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Add customers from target</source>
        <translation>Add customers from target</translation>
    </message>
    <message>
        <source>Adds the customers you can see that match the campaign&apos;s target group; those already taking part are left as they are</source>
        <translation>Adds the customers you can see that match the campaign&apos;s target group; those already taking part are left as they are</translation>
    </message>
    <message>
        <source>Record response…</source>
        <translation>Record response…</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>All participants</source>
        <translation>All participants</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) shown, more below</source>
        <translation>
            <numerusform>%n campaign shown, more below</numerusform>
            <numerusform>%n campaigns shown, more below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campaign</numerusform>
            <numerusform>%n campaigns</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: every customer in the scope of whoever adds them</source>
        <translation>Target: every customer in the scope of whoever adds them</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>status %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>tag “%1”</source>
        <translation>tag “%1”</translation>
    </message>
    <message>
        <source>group “%1”</source>
        <translation>group “%1”</translation>
    </message>
    <message>
        <source>source “%1”</source>
        <translation>source “%1”</translation>
    </message>
    <message>
        <source>province %1</source>
        <translation>province %1</translation>
    </message>
    <message>
        <source>city %1</source>
        <translation>city %1</translation>
    </message>
    <message>
        <source>user #%1</source>
        <translation>user #%1</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>owner %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Select a campaign to see its participants and results.</source>
        <translation>Select a campaign to see its participants and results.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Budget %1 %2</source>
        <translation>Budget %1 %2</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Goal: %1</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Participants: %1</translation>
    </message>
    <message>
        <source>Invited: %1</source>
        <translation>Invited: %1</translation>
    </message>
    <message>
        <source>Responded: %1</source>
        <translation>Responded: %1</translation>
    </message>
    <message>
        <source>Converted: %1</source>
        <translation>Converted: %1</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>Declined: %1</translation>
    </message>
    <message>
        <source>Feedback: no scores yet</source>
        <translation>Feedback: no scores yet</translation>
    </message>
    <message numerus="yes">
        <source>Feedback: %1 from %n score(s)</source>
        <translation>
            <numerusform>Feedback: %1 from %n score</numerusform>
            <numerusform>Feedback: %1 from %n scores</numerusform>
        </translation>
    </message>
    <message>
        <source>The budget must be an amount with at most two decimals, such as 1200.50.</source>
        <translation>The budget must be an amount with at most two decimals, such as 1200.50.</translation>
    </message>
    <message>
        <source>Campaign “%1” created.</source>
        <translation>Campaign “%1” created.</translation>
    </message>
    <message>
        <source>Campaign “%1” saved.</source>
        <translation>Campaign “%1” saved.</translation>
    </message>
    <message>
        <source>The campaign&apos;s current values are shown now.</source>
        <translation>The campaign&apos;s current values are shown now.</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>Delete campaign</translation>
    </message>
    <message>
        <source>Delete the campaign “%1” and its list of participants? This cannot be undone.</source>
        <translation>Delete the campaign “%1” and its list of participants? This cannot be undone.</translation>
    </message>
    <message>
        <source>Feedback customers gave for it is kept.</source>
        <translation>Feedback customers gave for it is kept.</translation>
    </message>
    <message>
        <source>Campaign “%1” deleted.</source>
        <translation>Campaign “%1” deleted.</translation>
    </message>
    <message>
        <source>Add customers</source>
        <translation>Add customers</translation>
    </message>
    <message>
        <source>“%1” has no target group: this adds every customer you can see. Add them all?</source>
        <translation>“%1” has no target group: this adds every customer you can see. Add them all?</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) added to “%1”.</source>
        <translation>
            <numerusform>%n customer added to “%1”.</numerusform>
            <numerusform>%n customers added to “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <source>No customers added to “%1”: everyone matching its target already takes part.</source>
        <translation>No customers added to “%1”: everyone matching its target already takes part.</translation>
    </message>
    <message>
        <source>Response of “%1” recorded: %2.</source>
        <translation>Response of “%1” recorded: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Won after joining: %n deal(s), %1</source>
        <translation>
            <numerusform>Won after joining: %n deal, %1</numerusform>
            <numerusform>Won after joining: %n deals, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>crm::ClosingDealsPanel</name>
    <message>
        <source>Deals closing soon</source>
        <translation>Deals closing soon</translation>
    </message>
    <message numerus="yes">
        <source>Open deals expected to close in the next %n day(s) or already past that date</source>
        <translation>
            <numerusform>Open deals expected to close in the next %n day or already past that date</numerusform>
            <numerusform>Open deals expected to close in the next %n days or already past that date</numerusform>
        </translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>My team</translation>
    </message>
    <message>
        <source>Everyone in your scope</source>
        <translation>Everyone in your scope</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Opportunity</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Deals closing soon are shown to users with the permission “%1”.</source>
        <translation>Deals closing soon are shown to users with the permission “%1”.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>No open deals closing in the next %n day(s) or past their date</source>
        <translation>
            <numerusform>No open deals closing in the next %n day or past their date</numerusform>
            <numerusform>No open deals closing in the next %n days or past their date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n deal(s), %1 of them overdue</source>
        <translation>
            <numerusform>Showing the first %n deal, %1 of them overdue</numerusform>
            <numerusform>Showing the first %n deals, %1 of them overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s), %1 overdue</source>
        <translation>
            <numerusform>%n deal, %1 overdue</numerusform>
            <numerusform>%n deals, %1 overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform>
            <numerusform>In %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::CompanySettingsPanel</name>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> min before</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>Probability %</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Add stage…</source>
        <translation>Add stage…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Follow-up reminder</source>
        <translation>Follow-up reminder</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <source>The probability is a whole number from 0 to 100.</source>
        <translation>The probability is a whole number from 0 to 100.</translation>
    </message>
    <message>
        <source>Pipeline saved.</source>
        <translation>Pipeline saved.</translation>
    </message>
    <message>
        <source>Reminder default saved.</source>
        <translation>Reminder default saved.</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Add stage</translation>
    </message>
    <message>
        <source>Name of the new stage (it goes before the closed stages):</source>
        <translation>Name of the new stage (it goes before the closed stages):</translation>
    </message>
</context>
<context>
    <name>crm::CustomFieldsEditor</name>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>A number, such as 12.5</source>
        <translation>A number, such as 12.5</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
</context>
<context>
    <name>crm::CustomFieldsPanel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Yes / no</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Add field</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>contract_no</source>
        <translation>contract_no</translation>
    </message>
    <message>
        <source>Options, separated by commas</source>
        <translation>Options, separated by commas</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Fields the company adds to every customer&apos;s page.</source>
        <translation>Fields the company adds to every customer&apos;s page.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Added &quot;%1&quot;.</source>
        <translation>Added &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Some customers have a value for &quot;%1&quot;: clear those values first.</source>
        <translation>Some customers have a value for &quot;%1&quot;: clear those values first.</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>Removed &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>New field</translation>
    </message>
    <message>
        <source>Some customers have no value for this field yet: fill them in before making it required.</source>
        <translation>Some customers have no value for this field yet: fill them in before making it required.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>Saved &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Some customers hold an option you took out of &quot;%1&quot;: change their values first.</source>
        <translation>Some customers hold an option you took out of &quot;%1&quot;: change their values first.</translation>
    </message>
    <message>
        <source>Moved &quot;%1&quot;.</source>
        <translation>Moved &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>crm::CustomerDeals</name>
    <message>
        <source>New deal…</source>
        <translation>New deal…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>Showing the newest %1</source>
        <translation>Showing the newest %1</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>Hidden by your role</source>
        <translation>Hidden by your role</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>Lost: %1</translation>
    </message>
    <message>
        <source>No deals yet</source>
        <translation>No deals yet</translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s) worth %1</source>
        <translation>
            <numerusform>%n open deal worth %1</numerusform>
            <numerusform>%n open deals worth %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n won worth %1</source>
        <translation>
            <numerusform>%n won worth %1</numerusform>
            <numerusform>%n won worth %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n open deal</numerusform>
            <numerusform>%n open deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n won</source>
        <translation>
            <numerusform>%n won</numerusform>
            <numerusform>%n won</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::CustomerDialog</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>Separate tags with commas</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>Add contact…</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Remove contact</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>Emails</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <source>Owner: %1 · Created %2 · Last contact %3 · Won %4</source>
        <translation>Owner: %1 · Created %2 · Last contact %3 · Won %4</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>Public pool</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Hidden by your role</source>
        <translation>Hidden by your role</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Contact not added</source>
        <translation>Contact not added</translation>
    </message>
    <message>
        <source>Contact not removed</source>
        <translation>Contact not removed</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Opportunities</translation>
    </message>
</context>
<context>
    <name>crm::CustomerFeedback</name>
    <message>
        <source>Record feedback…</source>
        <translation>Record feedback…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>No feedback yet</source>
        <translation>No feedback yet</translation>
    </message>
    <message>
        <source>No satisfaction score yet</source>
        <translation>No satisfaction score yet</translation>
    </message>
    <message numerus="yes">
        <source>Average %1 from %n score(s)</source>
        <translation>
            <numerusform>Average %1 from %n score</numerusform>
            <numerusform>Average %1 from %n scores</numerusform>
        </translation>
    </message>
    <message>
        <source>Feedback recorded</source>
        <translation>Feedback recorded</translation>
    </message>
</context>
<context>
    <name>crm::CustomerPickerDialog</name>
    <message>
        <source>Choose a customer</source>
        <translation>Choose a customer</translation>
    </message>
    <message>
        <source>Name, company, phone or email</source>
        <translation>Name, company, phone or email</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>There are no customers to choose from</source>
        <translation>There are no customers to choose from</translation>
    </message>
    <message>
        <source>No customer matches “%1”</source>
        <translation>No customer matches “%1”</translation>
    </message>
    <message>
        <source>Showing the first %1; type more to narrow</source>
        <translation>Showing the first %1; type more to narrow</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>Public pool</translation>
    </message>
</context>
<context>
    <name>crm::CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Won value</source>
        <translation>Won value</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>Public pool</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(hidden)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>crm::CustomerTimeline</name>
    <message>
        <source>Load older</source>
        <translation>Load older</translation>
    </message>
    <message>
        <source>Log call…</source>
        <translation>Log call…</translation>
    </message>
    <message>
        <source>Log visit…</source>
        <translation>Log visit…</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <source>Schedule follow-up…</source>
        <translation>Schedule follow-up…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>Nothing logged yet</source>
        <translation>Nothing logged yet</translation>
    </message>
    <message>
        <source>Follow-up %1 by %2</source>
        <translation>Follow-up %1 by %2</translation>
    </message>
    <message>
        <source>%1 logged</source>
        <translation>%1 logged</translation>
    </message>
    <message>
        <source>Follow-up scheduled for %1</source>
        <translation>Follow-up scheduled for %1</translation>
    </message>
    <message>
        <source>Task “%1”, due %2, for %3</source>
        <translation>Task “%1”, due %2, for %3</translation>
    </message>
    <message>
        <source>Task “%1”, for %2</source>
        <translation>Task “%1”, for %2</translation>
    </message>
    <message>
        <source>Nothing logged on this opportunity yet</source>
        <translation>Nothing logged on this opportunity yet</translation>
    </message>
    <message>
        <source>The customer of this opportunity is outside your data scope</source>
        <translation>The customer of this opportunity is outside your data scope</translation>
    </message>
</context>
<context>
    <name>crm::CustomersView</name>
    <message>
        <source>Search name, company, phone, email or tag (Ctrl+F)</source>
        <translation>Search name, company, phone, email or tag (Ctrl+F)</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Selected</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>Add tag…</translation>
    </message>
    <message>
        <source>Move to public pool</source>
        <translation>Move to public pool</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Any owner</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>Public pool</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Province or city</source>
        <translation>Province or city</translation>
    </message>
    <message>
        <source>A province (广东省) or a city (深圳市), as written in the address</source>
        <translation>A province (广东省) or a city (深圳市), as written in the address</translation>
    </message>
    <message>
        <source>Sorting is available by name, last contact, created and won value.</source>
        <translation>Sorting is available by name, last contact, created and won value.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>No customers match</source>
        <translation>No customers match</translation>
    </message>
    <message>
        <source>Select at most %1 customers for one action.</source>
        <translation>Select at most %1 customers for one action.</translation>
    </message>
    <message>
        <source>Some selected rows are still loading; try again in a moment.</source>
        <translation>Some selected rows are still loading; try again in a moment.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Assign customers</source>
        <translation>Assign customers</translation>
    </message>
    <message>
        <source>New owner:</source>
        <translation>New owner:</translation>
    </message>
    <message>
        <source>Assigned %1 customer(s).</source>
        <translation>Assigned %1 customer(s).</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>Tagged %1 customer(s).</source>
        <translation>Tagged %1 customer(s).</translation>
    </message>
    <message>
        <source>Moved %1 customer(s) to the public pool.</source>
        <translation>Moved %1 customer(s) to the public pool.</translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>Delete customers</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n customer(s) with their contacts and history? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n customer with their contacts and history? This cannot be undone.</numerusform>
            <numerusform>Delete %n customers with their contacts and history? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1 customer(s).</source>
        <translation>Deleted %1 customer(s).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export the customers of the current filter to Excel, CSV or JSON</source>
        <translation>Export the customers of the current filter to Excel, CSV or JSON</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>The customers were merged.</source>
        <translation>The customers were merged.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Import customers from a CSV or Excel file</source>
        <translation>Import customers from a CSV or Excel file</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Remove this filter</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Add to campaign…</source>
        <translation>Add to campaign…</translation>
    </message>
    <message>
        <source>No campaign is planned or running: create one in Campaigns first.</source>
        <translation>No campaign is planned or running: create one in Campaigns first.</translation>
    </message>
    <message>
        <source>Add to campaign</source>
        <translation>Add to campaign</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Campaign:</translation>
    </message>
    <message numerus="yes">
        <source>Added %n customer(s) to the campaign.</source>
        <translation>
            <numerusform>Added %n customer to the campaign.</numerusform>
            <numerusform>Added %n customers to the campaign.</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 customer(s) to the campaign; %2 already took part.</source>
        <translation>Added %1 customer(s) to the campaign; %2 already took part.</translation>
    </message>
</context>
<context>
    <name>crm::DashboardView</name>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Last 365 days</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Custom dates</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Won amount</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>Deals won</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Win rate</translation>
    </message>
    <message>
        <source>Average deal size</source>
        <translation>Average deal size</translation>
    </message>
    <message>
        <source>Average cycle</source>
        <translation>Average cycle</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>New customers</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>Open pipeline</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>Weighted pipeline</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Sales won</source>
        <translation>Sales won</translation>
    </message>
    <message>
        <source>Funnel (opportunities created in the period)</source>
        <translation>Funnel (opportunities created in the period)</translation>
    </message>
    <message>
        <source>Activities per rep</source>
        <translation>Activities per rep</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 won, %2 lost</source>
        <translation>%1 won, %2 lost</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open opportunity(ies)</source>
        <translation>
            <numerusform>%n open opportunity</numerusform>
            <numerusform>%n open opportunities</numerusform>
        </translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new customer(s)</source>
        <translation>
            <numerusform>%1: %n new customer</numerusform>
            <numerusform>%1: %n new customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::DealsDialog</name>
    <message>
        <source>Load more</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Opportunity</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>No deals in this period</source>
        <translation>No deals in this period</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %Ln deal(s)</source>
        <translation>
            <numerusform>Showing %1 of %Ln deal</numerusform>
            <numerusform>Showing %1 of %Ln deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::DepartmentsPanel</name>
    <message>
        <source>Add department…</source>
        <translation>Add department…</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Name of the new department under %1:</source>
        <translation>Name of the new department under %1:</translation>
    </message>
    <message>
        <source>Name of the new department:</source>
        <translation>Name of the new department:</translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>Add department</translation>
    </message>
    <message>
        <source>Department %1 added.</source>
        <translation>Department %1 added.</translation>
    </message>
</context>
<context>
    <name>crm::ExportDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>Export customers</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>customers</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV for Excel (*.csv);;JSON (*.json)</source>
        <translation>Excel (*.xlsx);;CSV for Excel (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n customer(s) to %1.</source>
        <translation>
            <numerusform>Exported %n customer to %1.</numerusform>
            <numerusform>Exported %n customers to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Phones and emails are masked.</source>
        <translation>Phones and emails are masked.</translation>
    </message>
    <message>
        <source>Exported %1 of %2 customers…</source>
        <translation>Exported %1 of %2 customers…</translation>
    </message>
    <message>
        <source>Exported %1 customers…</source>
        <translation>Exported %1 customers…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>crm::FeedbackDialog</name>
    <message>
        <source>Record feedback</source>
        <translation>Record feedback</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>What the customer said</source>
        <translation>What the customer said</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>In answer to</source>
        <translation>In answer to</translation>
    </message>
</context>
<context>
    <name>crm::FollowUpDialog</name>
    <message>
        <source>Schedule follow-up</source>
        <translation>Schedule follow-up</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> min before</translation>
    </message>
    <message>
        <source>What to talk about</source>
        <translation>What to talk about</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>crm::ImportDialog</name>
    <message>
        <source>Import customers</source>
        <translation>Import customers</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>CSV or text (UTF-8, GB18030, UTF-16), or an Excel workbook (.xlsx)</source>
        <translation>CSV or text (UTF-8, GB18030, UTF-16), or an Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Encoding:</translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation>S&amp;heet:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>File column</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>Customer field</source>
        <translation>Customer field</translation>
    </message>
    <message>
        <source>Double-click a field or press F2 to change it; &quot;(ignore)&quot; leaves the column out.</source>
        <translation>Double-click a field or press F2 to change it; &quot;(ignore)&quot; leaves the column out.</translation>
    </message>
    <message>
        <source>&amp;Load template…</source>
        <translation>&amp;Load template…</translation>
    </message>
    <message>
        <source>Apply a mapping saved earlier (also used by crm import --mapping)</source>
        <translation>Apply a mapping saved earlier (also used by crm import --mapping)</translation>
    </message>
    <message>
        <source>Load column mapping</source>
        <translation>Load column mapping</translation>
    </message>
    <message>
        <source>Mapping templates (*.json)</source>
        <translation>Mapping templates (*.json)</translation>
    </message>
    <message>
        <source>&amp;Save template…</source>
        <translation>&amp;Save template…</translation>
    </message>
    <message>
        <source>Save this mapping for the next file with these columns (also for crm import --mapping)</source>
        <translation>Save this mapping for the next file with these columns (also for crm import --mapping)</translation>
    </message>
    <message>
        <source>Save column mapping</source>
        <translation>Save column mapping</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Skip them</translation>
    </message>
    <message>
        <source>Update the existing customer</source>
        <translation>Update the existing customer</translation>
    </message>
    <message>
        <source>Create them anyway</source>
        <translation>Create them anyway</translation>
    </message>
    <message>
        <source>A duplicate has the phone or email of a customer already in the CRM or earlier in the file, or the same name and company.</source>
        <translation>A duplicate has the phone or email of a customer already in the CRM or earlier in the file, or the same name and company.</translation>
    </message>
    <message>
        <source>&amp;All or nothing: import only if every row is valid</source>
        <translation>&amp;All or nothing: import only if every row is valid</translation>
    </message>
    <message>
        <source>Import the &amp;valid rows and write an error report</source>
        <translation>Import the &amp;valid rows and write an error report</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>&amp;Duplicates:</source>
        <translation>&amp;Duplicates:</translation>
    </message>
    <message>
        <source>Invalid rows:</source>
        <translation>Invalid rows:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>D&amp;ry run</source>
        <translation>D&amp;ry run</translation>
    </message>
    <message>
        <source>Check every row and show what would happen, without writing anything</source>
        <translation>Check every row and show what would happen, without writing anything</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>You do not have permission to import customers.</source>
        <translation>You do not have permission to import customers.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatic (%1)</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of the file; more follow.</source>
        <translation>
            <numerusform>The first %n row of the file; more follow.</numerusform>
            <numerusform>The first %n rows of the file; more follow.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) of the file.</source>
        <translation>
            <numerusform>The file&apos;s %n row.</numerusform>
            <numerusform>All %n rows of the file.</numerusform>
        </translation>
    </message>
    <message>
        <source>If the customers are on another sheet, choose it above.</source>
        <translation>If the customers are on another sheet, choose it above.</translation>
    </message>
    <message>
        <source>Check the column mapping and the options, then run a dry run or import.</source>
        <translation>Check the column mapping and the options, then run a dry run or import.</translation>
    </message>
    <message>
        <source>Double-click or press F2 to choose the field</source>
        <translation>Double-click or press F2 to choose the field</translation>
    </message>
    <message>
        <source>The mapping could not be saved to %1.</source>
        <translation>The mapping could not be saved to %1.</translation>
    </message>
    <message>
        <source>Mapping saved to %1. It also works with crm import --mapping.</source>
        <translation>Mapping saved to %1. It also works with crm import --mapping.</translation>
    </message>
    <message>
        <source>%1 is not a column mapping template (a JSON file saved by this dialog or crm import --save-mapping).</source>
        <translation>%1 is not a column mapping template (a JSON file saved by this dialog or crm import --save-mapping).</translation>
    </message>
    <message>
        <source>Mapping loaded from %1.</source>
        <translation>Mapping loaded from %1.</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; is mapped to &quot;%2&quot;, which is not a customer field. Choose another field or &quot;(ignore)&quot;.</source>
        <translation>Column &quot;%1&quot; is mapped to &quot;%2&quot;, which is not a customer field. Choose another field or &quot;(ignore)&quot;.</translation>
    </message>
    <message>
        <source>Columns &quot;%1&quot; and &quot;%2&quot; both fill %3. Only phone, email, tags and groups may come from several columns.</source>
        <translation>Columns &quot;%1&quot; and &quot;%2&quot; both fill %3. Only phone, email, tags and groups may come from several columns.</translation>
    </message>
    <message>
        <source>No column is mapped to Name. Choose &quot;Name&quot; for the column that holds the customer&apos;s name.</source>
        <translation>No column is mapped to Name. Choose &quot;Name&quot; for the column that holds the customer&apos;s name.</translation>
    </message>
    <message>
        <source>Import cancelled; the database is unchanged.</source>
        <translation>Import cancelled; the database is unchanged.</translation>
    </message>
    <message>
        <source>You may not change the field %1, so its column cannot be imported. Set that column to &quot;(ignore)&quot;.</source>
        <translation>You may not change the field %1, so its column cannot be imported. Set that column to &quot;(ignore)&quot;.</translation>
    </message>
    <message>
        <source>The file has a header row but no customers below it.</source>
        <translation>The file has a header row but no customers below it.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>Row %1 is not valid text in the chosen encoding. Choose the file&apos;s encoding above (Excel on Chinese Windows saves GB18030).</source>
        <translation>Row %1 is not valid text in the chosen encoding. Choose the file&apos;s encoding above (Excel on Chinese Windows saves GB18030).</translation>
    </message>
    <message>
        <source>The file cannot be opened. Check that it exists and that you may read it.</source>
        <translation>The file cannot be opened. Check that it exists and that you may read it.</translation>
    </message>
    <message>
        <source>The file cannot be read: it is damaged or not a CSV file or Excel workbook (.xlsx). Details: %1</source>
        <translation>The file cannot be read: it is damaged or not a CSV file or Excel workbook (.xlsx). Details: %1</translation>
    </message>
    <message>
        <source>The workbook has no such sheet.</source>
        <translation>The workbook has no such sheet.</translation>
    </message>
    <message>
        <source>The column mapping does not fit this file: %1</source>
        <translation>The column mapping does not fit this file: %1</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>%1 rows checked…</source>
        <translation>%1 rows checked…</translation>
    </message>
    <message>
        <source>Writing %1 rows…</source>
        <translation>Writing %1 rows…</translation>
    </message>
    <message>
        <source>Dry run cancelled.</source>
        <translation>Dry run cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>Dry run of %1, nothing was written: %n row(s); %2 would be created, %3 updated, %4 skipped as duplicates, %5 invalid.</source>
        <translation>
            <numerusform>Dry run of %1, nothing was written: %n row; %2 would be created, %3 updated, %4 skipped as duplicates, %5 invalid.</numerusform>
            <numerusform>Dry run of %1, nothing was written: %n rows; %2 would be created, %3 updated, %4 skipped as duplicates, %5 invalid.</numerusform>
        </translation>
    </message>
    <message>
        <source>As it is, nothing would be imported: fix the invalid rows, or choose to import the valid rows.</source>
        <translation>As it is, nothing would be imported: fix the invalid rows, or choose to import the valid rows.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n row(s); %2 created, %3 updated, %4 skipped as duplicates, %5 invalid.</source>
        <translation>
            <numerusform>Imported %1: %n row; %2 created, %3 updated, %4 skipped as duplicates, %5 invalid.</numerusform>
            <numerusform>Imported %1: %n rows; %2 created, %3 updated, %4 skipped as duplicates, %5 invalid.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from %1: %n row(s) are invalid. Fix them, or choose to import the valid rows and write an error report.</source>
        <translation>
            <numerusform>Nothing was imported from %1: %n row is invalid. Fix it, or choose to import the valid rows and write an error report.</numerusform>
            <numerusform>Nothing was imported from %1: %n rows are invalid. Fix them, or choose to import the valid rows and write an error report.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows not imported are listed in %1.</source>
        <translation>Rows not imported are listed in %1.</translation>
    </message>
    <message>
        <source>The first %1 of %2 issues are shown below.</source>
        <translation>The first %1 of %2 issues are shown below.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>The error report cannot be written next to the file. Copy the file to a folder you may write to and import it from there; nothing was imported.</source>
        <translation>The error report cannot be written next to the file. Copy the file to a folder you may write to and import it from there; nothing was imported.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Im&amp;port:</source>
        <translation>Im&amp;port:</translation>
    </message>
    <message>
        <source>Choose a file: CSV or text (UTF-8, GB18030, UTF-16) or an Excel workbook (.xlsx).</source>
        <translation>Choose a file: CSV or text (UTF-8, GB18030, UTF-16) or an Excel workbook (.xlsx).</translation>
    </message>
    <message>
        <source>Import opportunities</source>
        <translation>Import opportunities</translation>
    </message>
    <message>
        <source>Import activities</source>
        <translation>Import activities</translation>
    </message>
    <message>
        <source>Opportunity field</source>
        <translation>Opportunity field</translation>
    </message>
    <message>
        <source>Activity field</source>
        <translation>Activity field</translation>
    </message>
    <message>
        <source>Update the existing opportunity</source>
        <translation>Update the existing opportunity</translation>
    </message>
    <message>
        <source>Update the existing activity</source>
        <translation>Update the existing activity</translation>
    </message>
    <message>
        <source>A duplicate names a customer that already has an opportunity of that name, in the CRM or earlier in the file.</source>
        <translation>A duplicate names a customer that already has an opportunity of that name, in the CRM or earlier in the file.</translation>
    </message>
    <message>
        <source>A duplicate has the customer, time, type, subject and content of an activity already in the CRM or earlier in the file.</source>
        <translation>A duplicate has the customer, time, type, subject and content of an activity already in the CRM or earlier in the file.</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>Data files (*.csv *.txt *.tsv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; is mapped to &quot;%2&quot;, which this import does not know. Choose another field or &quot;(ignore)&quot;.</source>
        <translation>Column &quot;%1&quot; is mapped to &quot;%2&quot;, which this import does not know. Choose another field or &quot;(ignore)&quot;.</translation>
    </message>
    <message>
        <source>Columns &quot;%1&quot; and &quot;%2&quot; both fill %3.</source>
        <translation>Columns &quot;%1&quot; and &quot;%2&quot; both fill %3.</translation>
    </message>
    <message>
        <source>No column names the customer. Choose &quot;Customer&quot; (a name) or &quot;Customer ID&quot; for it.</source>
        <translation>No column names the customer. Choose &quot;Customer&quot; (a name) or &quot;Customer ID&quot; for it.</translation>
    </message>
    <message>
        <source>No column is mapped to &quot;Opportunity name&quot;.</source>
        <translation>No column is mapped to &quot;Opportunity name&quot;.</translation>
    </message>
    <message>
        <source>You do not have permission to import opportunities.</source>
        <translation>You do not have permission to import opportunities.</translation>
    </message>
    <message>
        <source>You do not have permission to import activities.</source>
        <translation>You do not have permission to import activities.</translation>
    </message>
    <message>
        <source>Contact persons: %1.</source>
        <translation>Contact persons: %1.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <source>Contact field</source>
        <translation>Contact field</translation>
    </message>
    <message>
        <source>Update the existing contact</source>
        <translation>Update the existing contact</translation>
    </message>
    <message>
        <source>A duplicate names a customer that already has a contact of that name, in the CRM or earlier in the file.</source>
        <translation>A duplicate names a customer that already has a contact of that name, in the CRM or earlier in the file.</translation>
    </message>
    <message>
        <source>No column is mapped to &quot;Contact name&quot;.</source>
        <translation>No column is mapped to &quot;Contact name&quot;.</translation>
    </message>
    <message>
        <source>You do not have permission to import contacts.</source>
        <translation>You do not have permission to import contacts.</translation>
    </message>
</context>
<context>
    <name>crm::LastContactFilter</name>
    <message>
        <source>Any last contact</source>
        <translation>Any last contact</translation>
    </message>
    <message>
        <source>Not contacted for 7 days</source>
        <translation>Not contacted for 7 days</translation>
    </message>
    <message>
        <source>Not contacted for 30 days</source>
        <translation>Not contacted for 30 days</translation>
    </message>
    <message>
        <source>Not contacted for 90 days</source>
        <translation>Not contacted for 90 days</translation>
    </message>
    <message>
        <source>Never contacted</source>
        <translation>Never contacted</translation>
    </message>
    <message>
        <source>Contacted between…</source>
        <translation>Contacted between…</translation>
    </message>
    <message>
        <source>&quot;Not contacted for N days&quot; includes customers never contacted</source>
        <translation>&quot;Not contacted for N days&quot; includes customers never contacted</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation>Last day (included)</translation>
    </message>
</context>
<context>
    <name>crm::LeadDialog</name>
    <message>
        <source>Edit lead</source>
        <translation>Edit lead</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>New lead</translation>
    </message>
    <message>
        <source>e.g. website-form, trade-show</source>
        <translation>e.g. website-form, trade-show</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Company:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
</context>
<context>
    <name>crm::LeadTableModel</name>
    <message>
        <source>New</source>
        <comment>lead status</comment>
        <translation>New</translation>
    </message>
    <message>
        <source>Contacted</source>
        <comment>lead status</comment>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>Qualified</source>
        <comment>lead status</comment>
        <translation>Qualified</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <comment>lead status</comment>
        <translation>Disqualified</translation>
    </message>
    <message>
        <source>Converted</source>
        <comment>lead status</comment>
        <translation>Converted</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>crm::LeadsView</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Open: new, contacted and qualified leads</source>
        <translation>Open: new, contacted and qualified leads</translation>
    </message>
    <message>
        <source>All I can see</source>
        <translation>All I can see</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>New lead</translation>
    </message>
    <message>
        <source>New lead (Ctrl+N)</source>
        <translation>New lead (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <source>Convert to customer…</source>
        <translation>Convert to customer…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message>
        <source>Lead “%1” created.</source>
        <translation>Lead “%1” created.</translation>
    </message>
    <message>
        <source>Lead “%1” saved.</source>
        <translation>Lead “%1” saved.</translation>
    </message>
    <message>
        <source>The lead&apos;s current values are shown now.</source>
        <translation>The lead&apos;s current values are shown now.</translation>
    </message>
    <message>
        <source>Unassigned (back to the queue)</source>
        <translation>Unassigned (back to the queue)</translation>
    </message>
    <message>
        <source>Assign lead</source>
        <translation>Assign lead</translation>
    </message>
    <message>
        <source>New owner of “%1”:</source>
        <translation>New owner of “%1”:</translation>
    </message>
    <message>
        <source>“%1” assigned to %2.</source>
        <translation>“%1” assigned to %2.</translation>
    </message>
    <message>
        <source>“%1” is back in the unassigned queue.</source>
        <translation>“%1” is back in the unassigned queue.</translation>
    </message>
    <message>
        <source>Convert lead</source>
        <translation>Convert lead</translation>
    </message>
    <message>
        <source>Convert “%1” into a customer with its contact and an opportunity?</source>
        <translation>Convert “%1” into a customer with its contact and an opportunity?</translation>
    </message>
    <message>
        <source>Convert “%1” into a customer with its contact?</source>
        <translation>Convert “%1” into a customer with its contact?</translation>
    </message>
    <message>
        <source>A converted lead is kept as the record of where the customer came from; it cannot be changed afterwards.</source>
        <translation>A converted lead is kept as the record of where the customer came from; it cannot be changed afterwards.</translation>
    </message>
    <message>
        <source>Converted into customer “%1”.</source>
        <translation>Converted into customer “%1”.</translation>
    </message>
    <message>
        <source>Lead converted</source>
        <translation>Lead converted</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>Delete lead</source>
        <translation>Delete lead</translation>
    </message>
    <message>
        <source>Delete the lead “%1”? This cannot be undone.</source>
        <translation>Delete the lead “%1”? This cannot be undone.</translation>
    </message>
    <message>
        <source>Lead “%1” deleted.</source>
        <translation>Lead “%1” deleted.</translation>
    </message>
    <message>
        <source>Assign leads</source>
        <translation>Assign leads</translation>
    </message>
    <message numerus="yes">
        <source>New owner of %n lead(s):</source>
        <translation>
            <numerusform>New owner of %n lead:</numerusform>
            <numerusform>New owner of %n leads:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) handed out.</source>
        <translation>
            <numerusform>%n lead handed out.</numerusform>
            <numerusform>%n leads handed out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::LogActivityDialog</name>
    <message>
        <source>Log activity</source>
        <translation>Log activity</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>What it was about</source>
        <translation>What it was about</translation>
    </message>
    <message>
        <source>e.g. interested, call back next week</source>
        <translation>e.g. interested, call back next week</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Opportunity</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>crm::MainWindow</name>
    <message>
        <source>CRM Workstation</source>
        <translation>CRM Workstation</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>About the CRM</source>
        <translation>About the CRM</translation>
    </message>
    <message>
        <source>CRM Workstation %1
Customers, pipeline and team for small and medium businesses.
Licensed under the GNU GPL version 3.</source>
        <translation>CRM Workstation %1
Customers, pipeline and team for small and medium businesses.
Licensed under the GNU GPL version 3.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
    <message>
        <source>API server: %1</source>
        <translation>API server: %1</translation>
    </message>
    <message>
        <source>API server: off</source>
        <translation>API server: off</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>%1 (due %2)</source>
        <translation>%1 (due %2)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n task due</numerusform>
            <numerusform>%n tasks due</numerusform>
        </translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Won deals closed in %1</source>
        <translation>Won deals closed in %1</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Your permissions changed: the views were updated.</source>
        <translation>Your permissions changed: the views were updated.</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>%1 of %2, %3 to %4</source>
        <translation>%1 of %2, %3 to %4</translation>
    </message>
    <message>
        <source>Opportunities created %1 to %2 that reached %3</source>
        <translation>Opportunities created %1 to %2 that reached %3</translation>
    </message>
    <message>
        <source>Show the stage on the board</source>
        <translation>Show the stage on the board</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) past the expected close date</source>
        <translation>
            <numerusform>%n deal past the expected close date</numerusform>
            <numerusform>%n deals past the expected close date</numerusform>
        </translation>
    </message>
    <message>
        <source>See “Deals closing soon” under Tasks.</source>
        <translation>See “Deals closing soon” under Tasks.</translation>
    </message>
    <message>
        <source>See them on the pipeline board.</source>
        <translation>See them on the pipeline board.</translation>
    </message>
</context>
<context>
    <name>crm::MappingFieldDelegate</name>
    <message>
        <source>(ignore)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind (person/company)</source>
        <translation>Kind (person/company)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Street address</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Customer phone</translation>
    </message>
    <message>
        <source>Opportunity name</source>
        <translation>Opportunity name</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Probability (%)</source>
        <translation>Probability (%)</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>Expected close date</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>Loss reason</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Duration (seconds)</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Contact person&apos;s position</source>
        <translation>Contact person&apos;s position</translation>
    </message>
    <message>
        <source>Contact person&apos;s phone</source>
        <translation>Contact person&apos;s phone</translation>
    </message>
    <message>
        <source>Contact person&apos;s email</source>
        <translation>Contact person&apos;s email</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Primary contact (yes/no)</source>
        <translation>Primary contact (yes/no)</translation>
    </message>
</context>
<context>
    <name>crm::MergeCustomersDialog</name>
    <message>
        <source>Public pool</source>
        <translation>Public pool</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>Merge customers</translation>
    </message>
    <message>
        <source>Choose the record that stays and, where the two differ, which value it keeps. Phones, emails, addresses, tags and groups of both are kept. The other record is deleted.</source>
        <translation>Choose the record that stays and, where the two differ, which value it keeps. Phones, emails, addresses, tags and groups of both are kept. The other record is deleted.</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>Keep this record</translation>
    </message>
    <message>
        <source>Survives</source>
        <translation>Survives</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Attached</translation>
    </message>
    <message>
        <source>Custom field “%1”</source>
        <translation>Custom field “%1”</translation>
    </message>
    <message>
        <source>The other fields are the same in both records.</source>
        <translation>The other fields are the same in both records.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>You may not change this field: the surviving record keeps its value.</source>
        <translation>You may not change this field: the surviving record keeps its value.</translation>
    </message>
    <message numerus="yes">
        <source>%n activity(s)</source>
        <translation>
            <numerusform>%n activity</numerusform>
            <numerusform>%n activities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n opportunity(s)</source>
        <translation>
            <numerusform>%n opportunity</numerusform>
            <numerusform>%n opportunities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>%n follow-up</numerusform>
            <numerusform>%n follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campaign</numerusform>
            <numerusform>%n campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feedback entry(s)</source>
        <translation>
            <numerusform>%n feedback entry</numerusform>
            <numerusform>%n feedback entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n converted lead(s)</source>
        <translation>
            <numerusform>%n converted lead</numerusform>
            <numerusform>%n converted leads</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Nothing else is attached to “%1”.</source>
        <translation>Nothing else is attached to “%1”.</translation>
    </message>
    <message>
        <source>Moves to “%1”: %2.</source>
        <translation>Moves to “%1”: %2.</translation>
    </message>
    <message>
        <source>“%1” is then deleted.</source>
        <translation>“%1” is then deleted.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Merging…</translation>
    </message>
</context>
<context>
    <name>crm::OpportunityCardDelegate</name>
    <message numerus="yes">
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>%n day in stage</numerusform>
            <numerusform>%n days in stage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::OpportunityDialog</name>
    <message>
        <source>Opportunity</source>
        <translation>Opportunity</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>New opportunity</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>Why was it lost? (price, competitor, no budget…)</source>
        <translation>Why was it lost? (price, competitor, no budget…)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>Loss reason</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>Moved by</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>Days in stage</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>User %1</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>(created)</source>
        <translation>(created)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Opportunity: %1</source>
        <translation>Opportunity: %1</translation>
    </message>
    <message>
        <source>Won %1</source>
        <translation>Won %1</translation>
    </message>
    <message>
        <source>Lost %1</source>
        <translation>Lost %1</translation>
    </message>
    <message numerus="yes">
        <source>Open, %n day(s) in this stage</source>
        <translation>
            <numerusform>Open, %n day in this stage</numerusform>
            <numerusform>Open, %n days in this stage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Created %2 · Updated %3</source>
        <translation>%1 · Created %2 · Updated %3</translation>
    </message>
    <message>
        <source>Hidden by your role</source>
        <translation>Hidden by your role</translation>
    </message>
    <message>
        <source>Edit opportunity “%1”</source>
        <translation>Edit opportunity “%1”</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>Delete opportunity</translation>
    </message>
    <message>
        <source>Delete “%1”? Its stage history goes with it; its tasks and activities stay with the customer.</source>
        <translation>Delete “%1”? Its stage history goes with it; its tasks and activities stay with the customer.</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Another pipeline moves the opportunity to the stage chosen there</source>
        <translation>Another pipeline moves the opportunity to the stage chosen there</translation>
    </message>
</context>
<context>
    <name>crm::ParticipantTableModel</name>
    <message>
        <source>Customer #%1</source>
        <translation>Customer #%1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Responded at</source>
        <translation>Responded at</translation>
    </message>
    <message>
        <source>Added at</source>
        <translation>Added at</translation>
    </message>
</context>
<context>
    <name>crm::PipelineBoardView</name>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Any close date</source>
        <translation>Any close date</translation>
    </message>
    <message>
        <source>Closing this month</source>
        <translation>Closing this month</translation>
    </message>
    <message>
        <source>Closing this quarter</source>
        <translation>Closing this quarter</translation>
    </message>
    <message>
        <source>Closing in the next 90 days</source>
        <translation>Closing in the next 90 days</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>Pipeline:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n opportunity(ies)</source>
        <translation>
            <numerusform>%n opportunity</numerusform>
            <numerusform>%n opportunities</numerusform>
        </translation>
    </message>
    <message>
        <source>Total hidden</source>
        <translation>Total hidden</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Weighted %1</source>
        <translation>Weighted %1</translation>
    </message>
    <message numerus="yes">
        <source>%n closing in the period</source>
        <translation>
            <numerusform>%n closing in the period</numerusform>
            <numerusform>%n closing in the period</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Mark as lost</translation>
    </message>
    <message>
        <source>Why was it lost (moving to “%1”)?</source>
        <translation>Why was it lost (moving to “%1”)?</translation>
    </message>
    <message>
        <source>That stage is not in this pipeline.</source>
        <translation>That stage is not in this pipeline.</translation>
    </message>
    <message>
        <source>Not moved: a lost opportunity needs a reason.</source>
        <translation>Not moved: a lost opportunity needs a reason.</translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>Moving…</translation>
    </message>
    <message>
        <source>Moved “%1” to %2.</source>
        <translation>Moved “%1” to %2.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Not moved: %1</translation>
    </message>
    <message>
        <source>Closing next month</source>
        <translation>Closing next month</translation>
    </message>
    <message>
        <source>Closing between…</source>
        <translation>Closing between…</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>A department with the departments below it</source>
        <translation>A department with the departments below it</translation>
    </message>
    <message>
        <source>Expected close from</source>
        <translation>Expected close from</translation>
    </message>
    <message>
        <source>Expected close until (included)</source>
        <translation>Expected close until (included)</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Move “%1” to %2</source>
        <translation>Move “%1” to %2</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>New opportunity…</translation>
    </message>
</context>
<context>
    <name>crm::ReportsView</name>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Last 365 days</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Custom dates</translation>
    </message>
    <message>
        <source>Everyone I can see</source>
        <translation>Everyone I can see</translation>
    </message>
    <message>
        <source>Choose a report and a period, then Preview.</source>
        <translation>Choose a report and a period, then Preview.</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>The report could not be built: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 — %n page(s)</source>
        <translation>
            <numerusform>%1 — %2 — %n page</numerusform>
            <numerusform>%1 — %2 — %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <source>Save the report as Excel</source>
        <translation>Save the report as Excel</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Could not save the report: %1</source>
        <translation>Could not save the report: %1</translation>
    </message>
</context>
<context>
    <name>crm::RescheduleDialog</name>
    <message>
        <source>Remind me</source>
        <translation>Remind me</translation>
    </message>
    <message>
        <source>Reschedule task</source>
        <translation>Reschedule task</translation>
    </message>
    <message>
        <source>At the due time</source>
        <translation>At the due time</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>15 minutes before</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>1 hour before</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>1 day before</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
</context>
<context>
    <name>crm::ResponseDialog</name>
    <message>
        <source>Record response</source>
        <translation>Record response</translation>
    </message>
    <message>
        <source>What the customer said</source>
        <translation>What the customer said</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>Response:</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>Customer #%1</translation>
    </message>
</context>
<context>
    <name>crm::RolesPanel</name>
    <message>
        <source>Save role</source>
        <translation>Save role</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>New role…</translation>
    </message>
    <message>
        <source>Sees</source>
        <translation>Sees</translation>
    </message>
    <message>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Role %1 saved; it applies at once.</source>
        <translation>Role %1 saved; it applies at once.</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>New role</translation>
    </message>
    <message>
        <source>Name of the new role (it starts with a sales rep&apos;s permissions):</source>
        <translation>Name of the new role (it starts with a sales rep&apos;s permissions):</translation>
    </message>
    <message>
        <source>Role %1 created.</source>
        <translation>Role %1 created.</translation>
    </message>
</context>
<context>
    <name>crm::SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>API server for the mobile app</source>
        <translation>API server for the mobile app</translation>
    </message>
    <message>
        <source>Serve the API while the workstation is open</source>
        <translation>Serve the API while the workstation is open</translation>
    </message>
    <message>
        <source>127.0.0.1: this computer only; 0.0.0.0: every network interface</source>
        <translation>127.0.0.1: this computer only; 0.0.0.0: every network interface</translation>
    </message>
    <message>
        <source>PEM certificate file (optional: HTTPS)</source>
        <translation>PEM certificate file (optional: HTTPS)</translation>
    </message>
    <message>
        <source>PEM private key file</source>
        <translation>PEM private key file</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS certificate</translation>
    </message>
    <message>
        <source>TLS key</source>
        <translation>TLS key</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Database and account</source>
        <translation>Database and account</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Signed in as</translation>
    </message>
    <message>
        <source>To work on another database, sign out (File menu) and choose it.</source>
        <translation>To work on another database, sign out (File menu) and choose it.</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>Not running: %1</translation>
    </message>
    <message>
        <source>Not available in this process</source>
        <translation>Not available in this process</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>Running at %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Running at %1; the reps&apos; app: %2</source>
        <translation>Running at %1; the reps&apos; app: %2</translation>
    </message>
</context>
<context>
    <name>crm::SignInDialog</name>
    <message>
        <source>Sign in to the CRM</source>
        <translation>Sign in to the CRM</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Company server (PostgreSQL)</source>
        <translation>Company server (PostgreSQL)</translation>
    </message>
    <message>
        <source>Remember me (the password is kept in the system keychain)</source>
        <translation>Remember me (the password is kept in the system keychain)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Enter the server as postgresql://user@host/database.</source>
        <translation>Enter the server as postgresql://user@host/database.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>This database was empty. Its first administrator has been created:

user name: %1
one-time password: %2

Write the password down now; you will choose a new one after signing in.</source>
        <translation>This database was empty. Its first administrator has been created:

user name: %1
one-time password: %2

Write the password down now; you will choose a new one after signing in.</translation>
    </message>
    <message>
        <source>Choose your password</source>
        <translation>Choose your password</translation>
    </message>
    <message>
        <source>Your password was generated for you. Choose your own password to continue.</source>
        <translation>Your password was generated for you. Choose your own password to continue.</translation>
    </message>
    <message>
        <source>You need to choose a new password before you can sign in.</source>
        <translation>You need to choose a new password before you can sign in.</translation>
    </message>
</context>
<context>
    <name>crm::TasksView</name>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>Loading failed: %1</translation>
    </message>
    <message>
        <source>No tasks</source>
        <translation>No tasks</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reschedule…</translation>
    </message>
    <message>
        <source>Reopen “%1”</source>
        <translation>Reopen “%1”</translation>
    </message>
    <message>
        <source>Complete “%1”</source>
        <translation>Complete “%1”</translation>
    </message>
</context>
<context>
    <name>crm::TeamView</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Sales rep</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>Reset the password of %1</translation>
    </message>
    <message>
        <source>The password of %1 has been reset.</source>
        <translation>The password of %1 has been reset.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Saved; it applies at once.</source>
        <translation>Saved; it applies at once.</translation>
    </message>
</context>
<context>
    <name>crm::UndoHistory</name>
    <message>
        <source>Could not undo or redo: %1</source>
        <translation>Could not undo or redo: %1</translation>
    </message>
</context>
<context>
    <name>crm::UserDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
</context>
</TS>
