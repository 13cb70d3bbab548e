@echo off
rem cogauth launcher for Windows. Needs only a JDK 17+ (JAVA_HOME, else java on PATH); JAVA_OPTS come last, so they win.
rem Class-data sharing: on JDK 19+ (read from JAVA_HOME's release file) the JVM keeps an archive of cogauth's classes
rem under %LOCALAPPDATA%\cogauth\cds, making and refreshing it itself; otherwise only the JDK's own archive is used.
rem COGAUTH_CDS=off turns the archive off.
setlocal EnableExtensions
set "APP_HOME=%~dp0.."
for %%i in ("%APP_HOME%") do set "APP_HOME=%%~fi"

set "JAVA_CMD=java"
if not defined JAVA_HOME goto haveJava
set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_CMD%" goto haveJava
echo cogauth: JAVA_HOME is set to "%JAVA_HOME%", which has no bin\java.exe; point it at a JDK 17 or newer 1>&2
exit /b 1

:haveJava
rem Flags for a process that lives well under a second: C1 only, the simplest GC, a small heap to start with.
set "JVM_FLAGS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -XX:-UsePerfData -Xshare:auto"

set "CDS_FLAGS="
if /i "%COGAUTH_CDS%"=="off" goto run
if not defined JAVA_HOME goto run
if not exist "%JAVA_HOME%\release" goto run
set "JAVA_VERSION="
for /f "usebackq tokens=1,* delims==" %%a in ("%JAVA_HOME%\release") do if "%%a"=="JAVA_VERSION" set "JAVA_VERSION=%%~b"
set "FEATURE="
for /f "delims=.-+" %%a in ("%JAVA_VERSION%") do set "FEATURE=%%a"
if not defined FEATURE goto run
if %FEATURE% LSS 19 goto run
if not defined LOCALAPPDATA goto run
set "CDS_DIR=%LOCALAPPDATA%\cogauth\cds"
if not exist "%CDS_DIR%" mkdir "%CDS_DIR%" >nul 2>&1
if not exist "%CDS_DIR%" goto run
set CDS_FLAGS=-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%CDS_DIR%\cogauth-jdk%JAVA_VERSION%.jsa" -Xlog:cds=off,cds+dynamic=off,class+path=off

:run
"%JAVA_CMD%" %JVM_FLAGS% %CDS_FLAGS% -cp "%APP_HOME%\lib\*" %JAVA_OPTS% dev.cogauth.cli.Main %*
exit /b %ERRORLEVEL%
