; Inno Setup 6 script: a per-user (or all-users) installer for the PyInstaller bundle.
;
;   pyinstaller --noconfirm --clean packaging\coffee-chats.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\coffee-chats.iss
;
; Reads dist\coffee-chats\ (the one-folder bundle); writes dist\coffee-chats-<version>-setup.exe.
; UNTESTED here (no Windows on the build machine): see packaging/README.md.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Coffee Chats"
#define AppExe "coffee-chats.exe"

[Setup]
; Never change AppId: Windows finds the installed app (upgrade, uninstall) by it.
AppId={{6E0B8F3C-2B7D-4C1E-9A55-3F1C0FFEE7C7}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Coffee Chats
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; No administrator rights needed: installs for the current user unless they choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=coffee-chats-{#AppVersion}-setup
SetupIconFile=..\..\resources\app-icon\coffee-chats.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Closing a running copy before files are replaced (the app holds its own DLLs open).
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\coffee-chats\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's data (%LOCALAPPDATA%\CoffeeChats) is theirs: the uninstaller never deletes it.
