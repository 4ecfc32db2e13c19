@echo off
rem Installs the PhoChau portal as a Windows service (run as Administrator, from the unzipped release folder).
rem Data (database, attachments, keys, backups) goes to C:\ProgramData\PhoChau: upgrading replaces this folder only.
set DIR=%~dp0
sc.exe create PhoChau binPath= "\"%DIR%PhoChau.Portal.exe\"" start= auto DisplayName= "PhoChau - Cong doi thoai CCHC"
sc.exe description PhoChau "Cong doi thoai giua Chu tich UBND xa voi cong dan, to chuc ve cai cach hanh chinh"
sc.exe failure PhoChau reset= 86400 actions= restart/5000/restart/5000/restart/60000
netsh advfirewall firewall add rule name="PhoChau 5080" dir=in action=allow protocol=TCP localport=5080
sc.exe start PhoChau
echo Mo trinh duyet: http://localhost:5080
