; CĐS Xã — Windows installer (Inno Setup 6.3 or later).
;
; Per-user install without administrator rights, in Vietnamese, with Start-menu and (optional) desktop shortcuts.
; It installs the one-folder PyInstaller build (build/out/dist/CDS-Xa, from `python build/build.py`).
; The clerk's data (%APPDATA%\CDS-Xa: the commune's database, settings, edited templates) is written by the program,
; never by this installer, so the uninstaller leaves it in place.
;
; Compile (on Windows, from the repository's top level):
;   iscc /DAppVersion=0.1.0 build\installer.iss
; → build\out\installer\CDS-Xa-0.1.0-cai-dat.exe
; .github/workflows/windows-installer.yml passes AppVersion from desktop/__init__.py.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (architecture identifier x64compatible).
#endif

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z build\installer.iss (it is desktop.__version__).
#endif
#ifndef SourceDir
  #define SourceDir "out\dist\CDS-Xa"
#endif
#define AppName "CĐS Xã"
#define AppExe "CDS-Xa.exe"

[Setup]
; AppId identifies the program across versions (upgrades install over it): never change it.
AppId={{6C3B0E52-8E0B-4C1F-9D5A-2E7A41C3B9D4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng của xã: nhập, kiểm tra, viết văn bản.
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription=Trình cài đặt {#AppName}
VersionInfoProductVersion={#AppVersion}
; Per user, no administrator: {autopf} is then %LOCALAPPDATA%\Programs. An IT administrator can still install for
; every user from the command line with /ALLUSERS.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\CDS-Xa
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
; Qt 6 runs on 64-bit Windows 10 1809 and later, and Windows 11.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
SetupIconFile=..\resources\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
ShowLanguageDialog=no
LanguageDetectionMethod=none
CloseApplications=yes
RestartApplications=no
Compression=lzma2/max
SolidCompression=yes
OutputDir=out\installer
OutputBaseFilename=CDS-Xa-{#AppVersion}-cai-dat

[Languages]
; Vietnamese over the English defaults: see Vietnamese.isl (Inno Setup ships no official Vietnamese file).
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"

[Messages]
FinishedLabel=Đã cài xong [name] vào máy tính của bạn. Mở chương trình từ menu Start hoặc lối tắt trên màn hình nền.%n%nDữ liệu của xã được lưu riêng cho từng người dùng (thư mục AppData\Roaming\CDS-Xa), không nằm trong thư mục cài đặt.
ConfirmUninstall=Gỡ bỏ %1 khỏi máy tính?%n%nDữ liệu của xã đã nhập (thư mục AppData\Roaming\CDS-Xa) được giữ nguyên; cài lại chương trình là dùng tiếp được.
UninstalledAll=Đã gỡ %1 khỏi máy tính của bạn.%n%nDữ liệu của xã vẫn còn trong thư mục AppData\Roaming\CDS-Xa.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole folder: the two programs (CDS-Xa.exe windowed, cds-xa-cli.exe for the console) and _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program's own files wholesale (a file left from an older version must not linger).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; Comment: "Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry: the uninstaller removes exactly the files it installed. The clerk's data folder is
; never touched (tests/test_bundle.py checks that this script names no user-data location).
